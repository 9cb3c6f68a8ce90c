"""The output side: every file is written whole or not at all with the umask's mode, and every OS error on
output (parent is a file, unwritable folder, pseudo file system, full disk, closed or full standard output)
is one line on stderr, exit status 2, with an existing output left as it was. ``check`` keeps the status of
its findings when its reader leaves early.

The -o cases run in-process through ``main()``; standard output needs a real file descriptor, so those
cases are subprocesses (``/dev/full`` is a standard output on which every write fails with ENOSPC)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bitext.atomic import OutputError, atomic_open, open_output, write_atomically
from bitext.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
ZH = "商湯去年收入47億元。\n\n徐立表示，重組已經完成。\n"
EN = "SenseTime earned 4.5 billion yuan last year.\n\nXu Li said the reorganisation was complete.\n"
FORMATS = ("tsv", "jsonl", "tmx", "html", "parquet", "align")
OLD = b"the previous output\n"


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "zh.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    return str(tmp_path / "zh.txt"), str(tmp_path / "en.txt")


def commands(zh: str, en: str, output: str) -> dict[str, list[str]]:
    """Every command that writes a file with -o (or --export), writing to ``output``."""
    fast = ["--method", "gale-church"]
    argv = {f"align:{name}": ["align", zh, en, "--format", name, "-o", output, *fast] for name in FORMATS}
    argv["check --export"] = ["check", zh, en, "--export", output + ".html", "--fail-on", "never", *fast]
    argv["segment"] = ["segment", zh, "--lang", "zh", "-o", output]
    argv["convert"] = ["convert", zh, "--config", "t2s", "-o", output]
    argv["entities"] = ["entities", zh, en, "-o", output, "--method", "gale-church"]
    return argv


def assert_one_line(status: int, err: str, *named: str) -> None:
    assert status == 2, err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("bitext: error: "), err
    for name in named:
        assert name in lines[0], lines[0]


# --- the helper itself ------------------------------------------------------------------------------


def test_an_exception_while_writing_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(OLD)
    with pytest.raises(RuntimeError), atomic_open(target) as out:
        out.write("half of the new output")
        raise RuntimeError("stopped")
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_text_is_utf8_with_newline_line_ends_and_bytes_are_kept(tmp_path: Path) -> None:
    write_atomically(tmp_path / "a.txt", "商湯\n徐立\r\n")
    assert (tmp_path / "a.txt").read_bytes() == "商湯\n徐立\r\n".encode()
    write_atomically(tmp_path / "b.bin", b"\x00\xff")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\xff"


def test_the_umask_is_not_changed(tmp_path: Path) -> None:
    previous = os.umask(0o037)
    try:
        write_atomically(tmp_path / "a.txt", "x")
        assert os.umask(0o037) == 0o037  # reading it back sets it again: still the test's value
        assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(previous)


# --- -o: every command, every format ----------------------------------------------------------------


@pytest.fixture
def umask_027() -> Iterator[None]:
    previous = os.umask(0o027)
    yield
    os.umask(previous)


@pytest.mark.usefixtures("umask_027")
def test_every_output_gets_the_mode_of_the_umask(inputs: tuple[str, str], tmp_path: Path) -> None:
    modes = {}
    for key, argv in commands(*inputs, str(tmp_path / "out")).items():
        for old in tmp_path.glob("out*"):
            old.unlink()
        assert main(argv) == 0, key
        for written in tmp_path.glob("out*"):
            modes[f"{key} {written.name}"] = written.stat().st_mode & 0o777
    assert "align:tsv out.meta.json" in modes  # the TSV's sidecar is among them
    assert set(modes.values()) == {0o640}, modes


@pytest.mark.parametrize("key", list(commands("zh", "en", "out")))
def test_output_under_a_file_is_one_line_exit_2(
    key: str, inputs: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "README.md"
    blocker.write_bytes(OLD)
    status = main(commands(*inputs, str(blocker / "x"))[key])
    assert_one_line(status, capsys.readouterr().err, "README.md", "is not a directory")
    assert blocker.read_bytes() == OLD


@pytest.mark.parametrize("key", ["align:tsv", "align:parquet", "convert", "check --export"])
def test_output_on_a_pseudo_file_system_is_one_line_exit_2(
    key: str, inputs: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    if not Path("/proc/self").is_dir():
        pytest.skip("no /proc on this platform")
    status = main(commands(*inputs, "/proc/bitext-out")[key])
    assert_one_line(status, capsys.readouterr().err, "/proc/bitext-out", "cannot be written")


@pytest.mark.parametrize("key", ["align:tsv", "align:html", "segment", "entities"])
def test_output_into_an_unwritable_folder_is_one_line_exit_2(
    key: str, inputs: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: permission bits do not stop root from writing")
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "out").write_bytes(OLD)
    folder.chmod(0o555)
    try:
        status = main(commands(*inputs, str(folder / "out"))[key])
        assert_one_line(status, capsys.readouterr().err, "locked", "Permission denied")
        assert (folder / "out").read_bytes() == OLD
        assert sorted(p.name for p in folder.iterdir()) == ["out"]
    finally:
        folder.chmod(0o755)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs holding an old output, then filled to the last byte (root only)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs to fill needs root")
    mount = tmp_path / "full"
    mount.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        (mount / "out").write_bytes(OLD)
        with open(mount / "filler", "wb", buffering=0) as filler, pytest.raises(OSError):
            for _ in range(1000):
                filler.write(b"\0" * 4096)
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@pytest.mark.parametrize("key", list(commands("zh", "en", "out")))
def test_output_on_a_full_disk_is_one_line_exit_2_and_the_old_file_stays(
    key: str, inputs: tuple[str, str], full_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(commands(*inputs, str(full_disk / "out"))[key])
    assert_one_line(status, capsys.readouterr().err, str(full_disk), "No space left on device")
    assert (full_disk / "out").read_bytes() == OLD
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "out"]


def test_open_output_names_the_target(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="is a directory"), open_output(tmp_path):
        pass
    with pytest.raises(OutputError, match="no such directory"), open_output(tmp_path / "missing" / "out"):
        pass


# --- standard output: subprocesses ------------------------------------------------------------------


def run_cli(argv: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "bitext", *argv], env=env, stderr=subprocess.PIPE, **kwargs)  # type: ignore[call-overload, no-any-return]


def _close_stdout() -> None:
    os.close(1)


STDOUT_COMMANDS = {
    "align": ["align", "{zh}", "{en}", "--method", "gale-church"],
    "align:parquet": ["align", "{zh}", "{en}", "--method", "gale-church", "--format", "parquet"],
    "segment": ["segment", "{zh}", "--lang", "zh"],
    "convert": ["convert", "{zh}", "--config", "t2s"],
    "entities": ["entities", "{zh}", "{en}", "--method", "gale-church"],
    "check": ["check", "{zh}", "{en}", "--method", "gale-church", "--fail-on", "never"],
}


@pytest.fixture(scope="module")
def stdout_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess[bytes]]:
    folder = tmp_path_factory.mktemp("stdout")
    (folder / "zh.txt").write_text(ZH, encoding="utf-8")
    (folder / "en.txt").write_text(EN, encoding="utf-8")
    names = {"zh": str(folder / "zh.txt"), "en": str(folder / "en.txt")}
    jobs = {}
    for key, template in STDOUT_COMMANDS.items():
        argv = [part.format(**names) for part in template]
        jobs[f"full:{key}"] = (argv, {"stdout": "/dev/full"})
        jobs[f"closed:{key}"] = (argv, {"stdout": None, "preexec_fn": _close_stdout})

    def run(job: tuple[list[str], dict[str, object]]) -> subprocess.CompletedProcess[bytes]:
        argv, options = job
        if options.get("stdout") == "/dev/full":
            with open("/dev/full", "wb") as full:
                return run_cli(argv, stdout=full)
        return run_cli(argv, **options)

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this platform")
    with ThreadPoolExecutor(4) as pool:
        return dict(zip(jobs, pool.map(run, jobs.values()), strict=True))


@pytest.mark.parametrize("key", list(STDOUT_COMMANDS))
def test_a_full_standard_output_is_one_line_exit_2(
    key: str, stdout_results: dict[str, subprocess.CompletedProcess[bytes]]
) -> None:
    result = stdout_results[f"full:{key}"]
    assert_one_line(result.returncode, result.stderr.decode(), "No space left on device")


@pytest.mark.parametrize("key", list(STDOUT_COMMANDS))
def test_a_closed_standard_output_is_one_line_exit_2(
    key: str, stdout_results: dict[str, subprocess.CompletedProcess[bytes]]
) -> None:
    result = stdout_results[f"closed:{key}"]
    assert_one_line(result.returncode, result.stderr.decode(), "standard output")


# --- check | head -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fail_on", "output_format", "expected"), [("error", "text", 1), ("never", "jsonl", 0), ("error", "jsonl", 1)]
)
def test_check_keeps_the_status_of_its_findings_when_the_reader_leaves(
    fail_on: str, output_format: str, expected: int, inputs: tuple[str, str]
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    argv = ["check", *inputs, "--method", "gale-church", "--fail-on", fail_on, "--format", output_format]
    child = subprocess.Popen(
        [sys.executable, "-m", "bitext", *argv], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader leaves before the first line: every write gets EPIPE
    err = child.stderr.read().decode()
    assert child.wait(timeout=120) == expected, err
    assert err == ""


def test_a_named_pipe_is_written_in_place_not_replaced(inputs: tuple[str, str], tmp_path: Path) -> None:
    import stat
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    assert main(["convert", inputs[0], "--config", "t2s", "-o", str(pipe)]) == 0
    reader.join(timeout=60)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert received == ["商汤去年收入47亿元。\n\n徐立表示，重组已经完成。\n".encode()]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["pipe", "zh.txt", "en.txt"])
