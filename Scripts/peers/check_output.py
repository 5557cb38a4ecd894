"""Checks that benchmark outputs are valid files of the same kind and size: PNGs decode fully
(every zlib checksum verified) to the same pixel dimensions; PDFs parse with matplotlib's own
reader-free check (header, trailer, at least one page)."""
import sys

from PIL import Image

ours, theirs = sys.argv[1], sys.argv[2]
if ours.endswith(".png"):
    sizes = []
    for path in (ours, theirs):
        with Image.open(path) as image:
            image.load()
            sizes.append(image.size)
    if sizes[0] != sizes[1]:
        sys.exit(f"check_output: {ours} is {sizes[0]}, {theirs} is {sizes[1]}")
else:
    for path in (ours, theirs):
        data = open(path, "rb").read()
        if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:] or b"/Page" not in data:
            sys.exit(f"check_output: {path} is not a complete PDF")
