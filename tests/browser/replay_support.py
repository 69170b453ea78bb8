"""Shared helpers for the replay and report browser tests: the armistice binary, a generated match log,
headless Chromium, and a PNG decoder (zlib only) to tell a drawn page from a blank one."""
import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "test-output"


def armistice():
    if os.environ.get("ARMISTICE_BIN"):  # a binary built elsewhere, as conftest.py takes it
        return os.environ["ARMISTICE_BIN"]
    for build in ("debug", "release"):
        path = ROOT / ".build" / build / "armistice"
        if path.exists():
            return str(path)
    pytest.skip("no armistice binary: run `swift build` first")


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no chromium: apt-get install -y chromium")


def match_log(tmp: Path) -> Path:
    """A whole bot match of the Koreanization scenario with drafts and chat, as the server would log it."""
    log = tmp / "match.jsonl"
    subprocess.run([armistice(), "replay-bench", "--events", "900", "--runs", "1", "--save", str(log),
                    "--ruleset", str(ROOT / "rulesets" / "koreanization.yaml")], check=True, capture_output=True, cwd=ROOT)
    return log


def screenshot(url: str, png: Path, budget_ms: int = 4000, window: str = "1366,768") -> None:
    png.parent.mkdir(parents=True, exist_ok=True)
    if png.exists():
        png.unlink()
    subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--screenshot={png}",
                    f"--window-size={window}", f"--virtual-time-budget={budget_ms}", url],
                   check=True, capture_output=True, timeout=120)
    assert png.exists(), "chromium wrote no screenshot"


def dump_dom(url: str, budget_ms: int = 4000) -> str:
    result = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", f"--virtual-time-budget={budget_ms}",
                             "--dump-dom", url], check=True, capture_output=True, timeout=120, text=True)
    return result.stdout


def png_rows(path: Path):
    """The decoded rows of an 8-bit RGB/RGBA, non-interlaced PNG, with its size and channels: (rows, width, height, channels)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        (length,), kind = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and interlace == 0 and colour_type in (2, 6)
            channels = 3 if colour_type == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return rows, width, height, channels


def png_colours(path: Path) -> dict:
    """Pixel counts per RGB colour of an 8-bit RGB/RGBA, non-interlaced PNG."""
    rows, _, _, channels = png_rows(path)
    counts = {}
    for line in rows:
        for x in range(0, len(line), channels):
            key = (line[x] << 16) | (line[x + 1] << 8) | line[x + 2]
            counts[key] = counts.get(key, 0) + 1
    return counts


def png_ink_depth(path: Path) -> float:
    """How far down the page its content reaches: the last row with a non-white pixel, as a share of the height."""
    rows, _, height, channels = png_rows(path)
    last = 0
    for y, line in enumerate(rows):
        if any(line[x] < 0xF0 or line[x + 1] < 0xF0 or line[x + 2] < 0xF0 for x in range(0, len(line), channels)):
            last = y
    return last / height
