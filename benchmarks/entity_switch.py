"""Score the entity gold with module switches set: a rule off and on in the same run (issue 13).

    PYTHONPATH=src python benchmarks/entity_switch.py MODULE.NAME=VALUE[,MODULE.NAME=VALUE...] -- ENTITY_GOLD_ARGS

e.g. ``bitext.entities.spans.WHOLE_BRACKETED_NAMES=0 -- --part dev``. Each setting is a module-level
constant of ``bitext`` (an int or a bool, 0/1); the rest of the arguments go to ``entity_gold.py``.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import entity_gold  # the benchmarks folder is on the path (above)


def apply(settings: str) -> None:
    for setting in filter(None, settings.split(",")):
        name, value = setting.split("=")
        module_name, attribute = name.rsplit(".", 1)
        module = importlib.import_module(module_name)
        current = getattr(module, attribute)
        setattr(module, attribute, type(current)(int(value)))


if __name__ == "__main__":
    arguments = sys.argv[1:]
    split = arguments.index("--")
    apply(arguments[0] if split > 0 else "")
    sys.exit(entity_gold.main(arguments[split + 1 :]))
