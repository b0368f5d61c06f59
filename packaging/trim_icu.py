"""Build a smaller ICU data library for the Linux bundle (Qt's wheel ships all of ICU: 31 MB).

Qt needs ICU's core tables (properties, normalisation, break rules, collation roots) but not
the names of currencies, units, zones and languages in 800 locales, nor the dictionaries of
Chinese, Japanese, Thai, Khmer, Lao and Burmese line breaking, nor legacy converters. We keep
the core tables and the root, Vietnamese and English locale data, and rebuild
libicudata.so.<N> around the smaller data with ICU's own tools (Debian package icu-devtools:
icupkg, genccode) and gcc. Windows bundles carry no ICU, so this runs on Linux only.

Used by build.spec; callable by hand: python packaging/trim_icu.py LIBICUDATA OUTDIR
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

KEPT_LOCALES = re.compile(r"(^|/)(root|vi|vi_VN|en|en_US|en_US_POSIX|pool|res_index)\.res$")
DROPPED_KINDS = (".cnv", ".dict")
DROPPED_TREES = ("translit/", "rbnf/")
TOOLS = ("icupkg", "genccode", "gcc", "nm")


def tools_available() -> bool:
    return all(shutil.which(tool) for tool in TOOLS)


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """The data symbol (e.g. icudt73_dat) with its file offset and size."""
    out = subprocess.run(
        ["nm", "-D", "-S", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and re.fullmatch(r"icudt\d+_dat", parts[3]):
            return parts[3], int(parts[0], 16), int(parts[1], 16)
    raise RuntimeError(f"no ICU data symbol in {library}")


def keep_item(name: str) -> bool:
    """Whether a data item (e.g. "coll/vi.res", "uprops.icu") stays in the trimmed package."""
    item = name.split("/", 1)[1] if name.startswith("icudt") else name
    if item.endswith(DROPPED_KINDS) or item.startswith(DROPPED_TREES):
        return False
    if not item.endswith(".res"):
        return True
    if "/" not in item and not re.fullmatch(r"[a-z]{2,3}(_[A-Za-z0-9]+)*\.res", item):
        return True  # supplementalData, likelySubtags, plurals, zoneinfo64, metaZones...
    return bool(KEPT_LOCALES.search(item))


def trim(library: Path, out_dir: Path) -> Path:
    """Write a trimmed copy of `library` (libicudata.so.N) into `out_dir` and return it."""
    symbol, offset, size = _data_symbol(library)
    work = out_dir / "icu-trim"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    stem = symbol.removesuffix("_dat") + "l"  # icudt73l: little-endian package name
    full = work / f"{stem}.dat"
    with library.open("rb") as handle:
        handle.seek(offset)
        full.write_bytes(handle.read(size))
    listing = subprocess.run(
        ["icupkg", "-l", str(full)], capture_output=True, text=True, check=True
    ).stdout.split()
    dropped = [name for name in listing if not keep_item(name)]
    (work / "drop.txt").write_text("\n".join(dropped) + "\n")
    small = work / "small" / f"{stem}.dat"
    small.parent.mkdir()
    remove = ["icupkg", "-r", str(work / "drop.txt"), str(full), str(small)]
    checked = subprocess.run(remove, capture_output=True, text=True, check=False)
    if checked.returncode:
        # Only the line-break dictionaries may be missing: ICU then simply breaks Chinese,
        # Thai... text without them. Anything else means a kept item needs a dropped one.
        missing = set(re.findall(r"depends on missing item (\S+)", checked.stderr))
        if not missing or not all(m.endswith(".dict") for m in missing):
            raise RuntimeError(f"trimmed ICU data would be inconsistent: {checked.stderr}")
        subprocess.run([*remove[:1], "--ignore-deps", *remove[1:]], check=True)
    subprocess.run(
        ["genccode", "-q", "-a", "gcc", "-e", symbol.removesuffix("_dat"), "-d", str(work),
         str(small)],
        check=True,
    )  # fmt: skip
    assembly = next(work.glob("*.S"))
    result = out_dir / library.name
    subprocess.run(
        ["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(result),
         str(assembly)],
        check=True,
    )  # fmt: skip
    return result


if __name__ == "__main__":
    made = trim(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{made}: {made.stat().st_size / 1e6:.1f} MB")
