"""Smaller copies of Linux shared libraries that wheels ship patched by auditwheel.

Used by qbr-desktop.spec on Linux (PyInstaller runs the spec with the Python that builds).
auditwheel's patchelf leaves file space behind that the dynamic loader never reads, and
`strip` cannot remove it without breaking those libraries (see load_segments_aligned in
the spec): Pillow's libXau is 2 MB for 20 KB of content, because patchelf put the segment
it added 2 MB further on in the file; numpy's OpenBLAS keeps two stale copies of its
dynamic symbol tables in segments of their own, and its static symbol table.

compact_elf rewrites only file offsets: every address, and so every pointer inside the
library, stays as it was. Each LOAD segment moves to the lowest offset that is congruent
to its address modulo the page size, which is all the loader asks of a mapping.
"""

from __future__ import annotations

import struct

PAGE = 4096
PT_NULL, PT_LOAD = 0, 1
SHT_SYMTAB, SHT_NOBITS = 2, 8
SHF_ALLOC = 2
PHDR, SHDR = "<IIQQQQQQ", "<IIQQQQIIQQ"
# Segment fields: type, flags, offset, vaddr, paddr, filesz, memsz, align.
# Section fields: name, type, flags, addr, offset, size, link, info, addralign, entsize.
P_TYPE, P_OFFSET, P_VADDR, P_FILESZ, P_MEMSZ, P_ALIGN = 0, 2, 3, 5, 6, 7
S_TYPE, S_FLAGS, S_ADDR, S_OFFSET, S_SIZE, S_LINK, S_ALIGN = 1, 2, 3, 4, 5, 6, 8


def compact_elf(data: bytes) -> bytes | None:
    """A copy of a 64-bit little-endian shared library without what the loader never
    reads: gaps between LOAD segments, LOAD segments that hold no section and no other
    segment (patchelf's stale copies of .dynsym and .dynstr), and the static symbol table
    (.symtab and its strings, for debuggers only). None for a layout this does not handle
    (then the library ships as it is)."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    phoff, shoff = struct.unpack_from("<QQ", data, 32)
    phentsize, phnum, shentsize, shnum, shstrndx = struct.unpack_from("<HHHHH", data, 54)
    if phentsize != struct.calcsize(PHDR) or shentsize != struct.calcsize(SHDR) or not shnum:
        return None
    phdrs = [list(struct.unpack_from(PHDR, data, phoff + phentsize * i)) for i in range(phnum)]
    shdrs = [list(struct.unpack_from(SHDR, data, shoff + shentsize * i)) for i in range(shnum)]
    loads = sorted((p for p in phdrs if p[P_TYPE] == PT_LOAD), key=lambda p: p[P_OFFSET])
    if not loads or loads[0][P_OFFSET] != 0 or phoff + phentsize * phnum > loads[0][P_FILESZ]:
        return None
    if any(a[P_OFFSET] + a[P_FILESZ] > b[P_OFFSET]
           for a, b in zip(loads, loads[1:], strict=False)):
        return None
    stale = [index for index, p in enumerate(phdrs) if p in loads[1:]
             and _empty_segment(p, phdrs, shdrs)]
    symbols = {i for i, s in enumerate(shdrs) if s[S_TYPE] == SHT_SYMTAB}
    dropped = symbols | {shdrs[i][S_LINK] for i in symbols}
    if shstrndx in dropped:
        return None

    out = bytearray()
    moves: list[tuple[int, int, int]] = []  # old start, old end, new start
    for p in loads:
        if phdrs.index(p) in stale:
            continue
        start = len(out) + (p[P_VADDR] - len(out)) % PAGE if moves else 0
        out += bytes(start - len(out)) + data[p[P_OFFSET]:p[P_OFFSET] + p[P_FILESZ]]
        moves.append((p[P_OFFSET], p[P_OFFSET] + p[P_FILESZ], start))
        if p[P_ALIGN] > PAGE and (p[P_VADDR] - start) % p[P_ALIGN]:
            p[P_ALIGN] = PAGE

    def moved(offset: int, size: int) -> int | None:
        for old, end, new in moves:
            if old <= offset and offset + size <= end:
                return offset - old + new
        return None

    for index, p in enumerate(phdrs):
        if index in stale:
            p[:] = [PT_NULL] * 8  # the loader skips it
        elif p[P_FILESZ] or p[P_OFFSET]:
            new = moved(p[P_OFFSET], p[P_FILESZ])
            if new is None:
                return None
            p[P_OFFSET] = new
    for index, s in enumerate(shdrs[1:], start=1):
        if index in dropped:
            s[:] = [s[0]] + [0] * 9  # SHT_NULL, no content
        elif s[S_FLAGS] & SHF_ALLOC:
            size = 0 if s[S_TYPE] == SHT_NOBITS else s[S_SIZE]
            new = moved(s[S_OFFSET], size)
            if new is None and size:
                return None
            s[S_OFFSET] = len(out) if new is None else new
        else:  # names of sections, debug links, notes: after the last segment
            out += bytes(-len(out) % max(s[S_ALIGN], 1))
            content = b"" if s[S_TYPE] == SHT_NOBITS else data[s[S_OFFSET]:
                                                             s[S_OFFSET] + s[S_SIZE]]
            s[S_OFFSET] = len(out)
            out += content
    out += bytes(-len(out) % 8)
    struct.pack_into("<Q", out, 40, len(out))  # e_shoff
    for s in shdrs:
        out += struct.pack(SHDR, *s)
    for index, p in enumerate(phdrs):
        struct.pack_into(PHDR, out, phoff + phentsize * index, *p)
    return bytes(out)


def _empty_segment(segment: list[int], phdrs: list[list[int]],
                   shdrs: list[list[int]]) -> bool:
    """True for a LOAD segment with file content whose addresses hold no allocated
    section and no other segment: nothing the loader or the code finds points there."""
    start, end = segment[P_VADDR], segment[P_VADDR] + segment[P_MEMSZ]
    if not segment[P_FILESZ]:
        return False
    if any(s[S_FLAGS] & SHF_ALLOC and s[S_SIZE] and start <= s[S_ADDR] < end
           for s in shdrs):
        return False
    return not any(p is not segment and p[P_TYPE] != PT_LOAD and p[P_MEMSZ]
                   and start <= p[P_VADDR] < end for p in phdrs)
