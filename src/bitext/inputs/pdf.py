"""PDF → text with pypdf (BSD-3-Clause): the text layer, page by page, pages separated by a form feed.

pypdf is pure Python (no system library, no AGPL: PyMuPDF is AGPL and pdfminer.six, MIT, was not
needed): it reads the text layer of ordinary PDFs, including Chinese set in the standard CID fonts
(MSung, STSong) with their Unicode maps. Lines come out as the page sets them, hard-wrapped, with page
numbers and running heads where the page has them: the layout reader (``segment/layout.py``) joins
the wrapped lines and sets the furniture aside, helped by the form feed at every page break (as
``pdftotext`` writes it). A PDF whose pages have no text (a scan) is refused with a hint to run OCR.
"""

from __future__ import annotations

import io
import logging

from bitext.document import Lang
from bitext.errors import InputError


def extract(data: bytes, name: str, lang: Lang, encoding: str | None = None) -> tuple[str, str]:
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # warnings about odd but readable files are noise
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: the PDF is encrypted with a password; decrypt it first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (FileNotDecryptedError, DependencyError):
        raise InputError(f"{name}: the PDF is encrypted with a password; decrypt it first") from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise InputError(f"{name}: not a readable PDF file ({error})") from None
    if not any(page.strip() for page in pages):
        raise InputError(f"{name}: the PDF has no text layer ({len(pages)} page(s) of images, a scan?); run OCR first")
    return "\n\f\n".join(page.rstrip("\n") for page in pages) + "\n", f"pdf (pypdf {pypdf.__version__})"
