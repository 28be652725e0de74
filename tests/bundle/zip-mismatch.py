#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""zip-mismatch.py: bundles whose zip index (central directory) and local headers disagree.

    zip-mismatch.py classes CANDOR-CLI HELPER
        From a good signed bundle, makes one bundle per class of mismatch (a name in the index
        that differs from its local header, two index entries sharing data, a local entry the
        index does not list, overlaps, hidden bytes, sizes/CRCs/offsets that differ, bytes
        before or after the zip, zip64, several disks, a comment, links, ...) and checks that
        `candor-cli verify` refuses each one (exit 1) with a message naming the entry.

    zip-mismatch.py bitflips HELPER
        Flips every bit of a good bundle, one at a time, and checks that no changed bundle that
        still verifies unpacks differently with an independent reader that reads the zip the
        way `unzip` does (names, modes and offsets from the index). Prints the counts.

HELPER is tests/bundle/zip-flip-helper (it writes the good bundle and verifies many flips in
one process). Output is TAP.
"""

import io
import os
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

CENTRAL = struct.Struct('<4sHHHHHHIIIHHHHHII')  # 46 bytes
LOCAL = struct.Struct('<4sHHHHHIIIHH')           # 30 bytes
END = struct.Struct('<4sHHHHIIH')                # 22 bytes


class Entry:
    """One entry as the bundle writer lays it out: local header, data, data descriptor, and
    its record in the index. Fields are plain lists so that a mutation can change any one."""

    def __init__(self, data, central_at):
        c = list(CENTRAL.unpack_from(data, central_at))
        name_len, extra_len, comment_len = c[10], c[11], c[12]
        p = central_at + CENTRAL.size
        self.c = c
        self.c_name = data[p:p + name_len]
        self.c_extra = data[p + name_len:p + name_len + extra_len]
        self.c_comment = data[p + name_len + extra_len:p + name_len + extra_len + comment_len]
        self.central_size = CENTRAL.size + name_len + extra_len + comment_len
        at = c[16]
        l = list(LOCAL.unpack_from(data, at))
        self.l = l
        p = at + LOCAL.size
        self.l_name = data[p:p + l[9]]
        self.l_extra = data[p + l[9]:p + l[9] + l[10]]
        p += l[9] + l[10]
        self.payload = data[p:p + c[8]]
        p += c[8]
        self.descriptor = data[p:p + 16] if c[3] & 8 else b''
        self.offset = None    # where the local header was written; None: take the real one
        self.pin_offset = None  # an offset written into the index instead of the real one

    def local_bytes(self):
        l = list(self.l)
        l[9], l[10] = len(self.l_name), len(self.l_extra)
        return LOCAL.pack(*l) + self.l_name + self.l_extra + self.payload + self.descriptor

    def central_bytes(self):
        c = list(self.c)
        c[10], c[11], c[12] = len(self.c_name), len(self.c_extra), len(self.c_comment)
        c[16] = self.pin_offset if self.pin_offset is not None else (self.offset or 0)
        return CENTRAL.pack(*c) + self.c_name + self.c_extra + self.c_comment

    @property
    def name(self):
        return self.c_name.decode('utf-8', 'replace')


class Bundle:
    def __init__(self, data):
        end = list(END.unpack_from(data, len(data) - END.size))
        self.end = end
        self.entries = []
        p = end[6]
        for _ in range(end[4]):
            e = Entry(data, p)
            self.entries.append(e)
            p += e.central_size
        self.locals = list(self.entries)   # what is written before the index, in order
        self.index = list(self.entries)    # what the index lists, in order
        self.prefix = b''
        self.gaps = {}                     # position in self.locals -> bytes written before it
        self.before_end = b''              # bytes between the index and the end record
        self.suffix = b''
        self.comment = b''
        self.shift_offsets = True          # offsets count the prefix (like a fixed-up stub)
        self.end_fields = {}

    def build(self):
        out = bytearray(self.prefix)
        for i, e in enumerate(self.locals):
            out += self.gaps.get(i, b'')
            e.offset = len(out) - (0 if self.shift_offsets else len(self.prefix))
            out += e.local_bytes()
        out += self.gaps.get(len(self.locals), b'')
        central_at = len(out)
        for e in self.index:
            out += e.central_bytes()
        central_size = len(out) - central_at
        out += self.before_end
        end = list(self.end)
        end[3] = end[4] = len(self.index)
        end[5] = central_size
        end[6] = central_at - (0 if self.shift_offsets else len(self.prefix))
        end[7] = len(self.comment)
        for k, v in self.end_fields.items():
            end[k] = v
        out += END.pack(*end) + self.comment + self.suffix
        return bytes(out)

    def find(self, name):
        return next(e for e in self.entries if e.name == name)


def copy_entry(e):
    clone = Entry.__new__(Entry)
    clone.__dict__.update(e.__dict__)
    clone.c, clone.l = list(e.c), list(e.l)
    return clone


def stored_entry(name, content, like):
    """A new stored entry shaped like @like (same flags, times, extras)."""
    e = copy_entry(like)
    crc = zlib.crc32(content)
    e.c_name = e.l_name = name.encode()
    e.c[3] = e.l[2] = 8   # descriptor
    e.c[4] = e.l[3] = 0   # stored
    e.c[2] = e.l[1] = 10
    e.c[1] = 0x030a
    e.c[7], e.c[8], e.c[9] = crc, len(content), len(content)
    e.l[6], e.l[7], e.l[8] = 0, len(content), len(content)
    e.payload = content
    e.descriptor = struct.pack('<4sIII', b'PK\x07\x08', crc, len(content), len(content))
    return e


def unicode_path_extra(name, original):
    data = struct.pack('<BI', 1, zlib.crc32(original)) + name
    return struct.pack('<HH', 0x7075, len(data)) + data


# Each mutation: (description, function(Bundle) -> None, words the message must contain).
# "entry" means: the message must name the entry ("Entry N" and its name).
def mutations():
    m = []

    def central_name(target, new):
        def f(b):
            b.find(target).c_name = new.encode()
        return f

    for target, new in [('index.html', '../../x.html'), ('index.html', '/tmp/x.html'),
                        ('index.html', 'run.sh'), ('label-compact.svg', 'sub/label.svg'),
                        ('index.html', 'INDEX.HTML'), ('index.html', 'index.html\x01')]:
        m.append((f'index name {new!r} for local {target!r}', central_name(target, new),
                  ['Entry', new.encode('unicode_escape').decode()]))

    def local_name(target, new):
        def f(b):
            b.find(target).l_name = new.encode()
        return f

    m.append(('local name ../../x.html under index name index.html',
              local_name('index.html', '../../x.html'), ['Entry 2', '../../x.html', 'index.html']))

    def swap(b):
        a, c = b.find('disclosure.json'), b.find('index.html')
        a.c_name, c.c_name = c.c_name, a.c_name
    m.append(('two index names swapped', swap, ['Entry 1', 'index.html', 'disclosure.json']))

    def shared(b):
        # one more index entry, under another name, pointing at index.html's local entry
        e = copy_entry(b.find('index.html'))
        e.c_name = b'evil.html'
        b.index.insert(2, e)
        e.pin_offset = None
        b._shared = e

    def shared_build(b):
        shared(b)
        orig = b.build

        def build():
            first = orig()
            b._shared.pin_offset = b.find('index.html').offset
            return orig()
        b.build = build
    m.append(('two index entries sharing one local entry', shared_build, ['Entry 3', 'evil.html']))

    def replaced_offset(b):
        # label-compact.svg's index entry points at label-compact.pdf's data; the svg's
        # local entry is then listed nowhere
        pdf, svg = b.find('label-compact.pdf'), b.find('label-compact.svg')
        svg.c_name = b'label-compact.svg'
        orig = b.build

        def build():
            orig()
            svg.pin_offset = pdf.offset
            return orig()
        b.build = build
    m.append(('an index entry pointing at another entry\'s data', replaced_offset,
              ['Entry 5', 'label-compact.svg']))

    def hidden_local(b):
        b.locals.insert(3, stored_entry('run.sh', b'#!/bin/sh\necho owned\n', b.entries[2]))
    m.append(('a local entry missing from the index', hidden_local, ['Entry 4', 'label-compact.png', 'bytes']))

    def hidden_local_last(b):
        b.locals.append(stored_entry('run.sh', b'#!/bin/sh\necho owned\n', b.entries[2]))
    m.append(('a local entry after the last listed one', hidden_local_last, ['Entry 8', 'signer.pem', 'bytes']))

    def dropped(b):
        del b.index[1]
    m.append(('an index that leaves out a local entry', dropped, ['Entry 2', 'label-compact.pdf']))

    def extra_index(b):
        e = stored_entry('extra.html', b'<p>extra</p>\n', b.entries[2])
        b.locals.append(e)
        b.index.append(e)
        b.end_fields = {}
    m.append(('an extra entry in index and locals (not signed)', extra_index, ['extra.html']))

    def extra_index_only(b):
        e = copy_entry(b.find('SHA256SUMS'))
        e.c_name = b'ghost.txt'
        b.index.append(e)
        orig = b.build

        def build():
            orig()
            e.pin_offset = b.find('label-compact.pdf').offset + 7
            return orig()
        b.build = build
    m.append(('an index entry pointing into another entry', extra_index_only, ['Entry 9', 'ghost.txt']))

    def overlap(b):
        pdf = b.find('label-compact.pdf')
        png = b.find('label-compact.png')
        orig = b.build

        def build():
            orig()
            png.pin_offset = pdf.offset + 30
            return orig()
        b.build = build
    m.append(('overlapping entries', overlap, ['Entry 4', 'label-compact.png', 'inside']))

    def gap(b):
        b.gaps[3] = b'hidden data between two entries\n'
    m.append(('bytes hidden between entries', gap, ['Entry 4', 'label-compact.png', 'bytes']))

    def gap_before_index(b):
        b.gaps[len(b.locals)] = b'hidden data before the index\n'
    m.append(('bytes hidden before the index', gap_before_index, ['Entry 8', 'signer.pem', 'bytes']))

    def field(target, which, index, delta):
        def f(b):
            e = b.find(target)
            if which == 'c':
                e.c[index] = (e.c[index] + delta) & 0xffffffff
            elif which == 'l':
                e.l[index] = (e.l[index] + delta) & 0xffffffff
            else:
                d = list(struct.unpack('<4sIII', e.descriptor))
                d[index] = (d[index] + delta) & 0xffffffff
                e.descriptor = struct.pack('<4sIII', *d)
        return f

    for desc, args in [('index CRC', ('index.html', 'c', 7, 1)),
                       ('index compressed size', ('index.html', 'c', 8, 1)),
                       ('index size', ('index.html', 'c', 9, 1)),
                       ('index size of a stored entry', ('label-compact.pdf', 'c', 9, 1)),
                       ('local CRC', ('index.html', 'l', 6, 1)),
                       ('local size', ('index.html', 'l', 8, 1)),
                       ('local compressed size of a stored entry', ('label-compact.pdf', 'l', 7, 1)),
                       ('descriptor CRC', ('index.html', 'd', 1, 1)),
                       ('descriptor size', ('index.html', 'd', 3, 1)),
                       ('index method', ('index.html', 'c', 4, -8)),
                       ('local flags', ('index.html', 'l', 2, 0x800)),
                       ('local time', ('index.html', 'l', 4, 1))]:
        m.append((f'{desc} differs', field(*args), ['Entry', args[0]]))

    def offset_plus(b):
        e = b.find('index.html')
        orig = b.build

        def build():
            orig()
            e.pin_offset = e.offset + 1
            return orig()
        b.build = build
    m.append(('an index offset off by one', offset_plus, ['Entry 2', 'index.html']))

    def trailing(b):
        b.suffix = b'trailing garbage'
    m.append(('trailing garbage', trailing, ['after its end record']))

    def comment(b):
        b.comment = b'a comment'
    m.append(('a zip comment', comment, ['comment']))

    def stub(b):
        b.prefix = b'#!/bin/sh\nexec evil\n'
    m.append(('a prepended stub, offsets fixed up', stub, ['Entry 1', 'disclosure.json', 'before it']))

    def stub_unshifted(b):
        b.prefix = b'#!/bin/sh\nexec evil\n'
        b.shift_offsets = False
    m.append(('a prepended stub, offsets as they were', stub_unshifted, ['before the zip']))

    def zip64(b):
        # a zip64 end record and locator between the index and the end record
        orig = b.build

        def build():
            first = orig()
            central_at = END.unpack_from(first, len(first) - END.size)[6]
            central_size = END.unpack_from(first, len(first) - END.size)[5]
            record = struct.pack('<4sQHHIIQQQQ', b'PK\x06\x06', 44, 0x031e, 45, 0, 0,
                                 len(b.index), len(b.index), central_size, central_at)
            locator = struct.pack('<4sIQI', b'PK\x06\x07', 0, central_at + central_size, 1)
            b.before_end = record + locator
            return orig()
        b.build = build
    m.append(('a zip64 record the bundle does not need', zip64, ['zip64 end record']))

    def zip64_markers(b):
        b.end_fields = {6: 0xffffffff}
    m.append(('zip64 markers in the end record', zip64_markers, ['zip64']))

    def disks(b):
        b.end_fields = {1: 1, 2: 1}
    m.append(('several disks', disks, ['disks']))

    def entry_comment(b):
        b.find('index.html').c_comment = b'note'
    m.append(('an entry comment', entry_comment, ['Entry 2', 'index.html', 'comment']))

    def unicode_path(b):
        e = b.find('index.html')
        e.c_extra = e.c_extra + unicode_path_extra(b'../../x.html', e.c_name)
        e.l_extra = e.c_extra
    m.append(('a Unicode path extra field renaming the entry', unicode_path, ['Entry 2', 'index.html', '0x7075']))

    def symlink(b):
        e = b.find('index.html')
        e.c[15] = (0o120777 << 16)
    m.append(('a symbolic link in the index', symlink, ['Entry 2', 'index.html', 'symbolic']))

    def executable(b):
        e = b.find('SHA256SUMS')
        e.c[15] = (0o100755 << 16)
    m.append(('an executable mode', executable, ['Entry 6', 'SHA256SUMS', 'executable']))

    def writable(b):
        b.find('index.html').c[15] = (0o100666 << 16)
    m.append(('a mode writable by others', writable, ['Entry 2', 'index.html', '0666']))

    def dos_host(b):
        e = b.find('index.html')
        e.c[1] = 0x0014
    m.append(('an entry not made on Unix', dos_host, ['Entry 2', 'index.html', 'Unix']))

    def encrypted(b):
        e = b.find('index.html')
        e.c[3] |= 1
        e.l[2] |= 1
    m.append(('an encrypted entry', encrypted, ['Entry 2', 'index.html', 'encrypted']))

    def no_descriptor_signature(b):
        e = b.find('index.html')
        e.descriptor = e.descriptor[4:]
    m.append(('a data descriptor without its signature', no_descriptor_signature, ['Entry', 'index.html']))

    def non_ascii(b):
        e = b.find('index.html')
        e.c_name = e.l_name = 'ind\u00e9x.html'.encode()
    m.append(('a non-ASCII name without the UTF-8 flag', non_ascii, ['Entry 2', 'UTF-8']))
    return m


def unzip_listing(path):
    """Names as `zipinfo -1` (the index, as unzip reads it) lists them, or None."""
    r = subprocess.run(['zipinfo', '-1', path], capture_output=True)
    return r.stdout.decode('utf-8', 'replace').split('\n')[:-1] if r.returncode in (0, 1) else None


def run_classes(cli, helper):
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        good = os.path.join(tmp, 'good.zip')
        subprocess.run([helper, 'sample', good], check=True)
        data = open(good, 'rb').read()
        # the good bundle verifies, and rebuilding it unchanged gives the same bytes
        assert Bundle(data).build() == data, 'the test cannot rebuild a bundle byte for byte'
        r = subprocess.run([cli, 'verify', good], capture_output=True)
        cases = mutations()
        print(f'1..{len(cases) + 1}')
        print('ok 1 - the good bundle verifies' if r.returncode == 0 else
              f'not ok 1 - the good bundle does not verify: {r.stderr!r}')
        failures += r.returncode != 0
        for n, (desc, mutate, words) in enumerate(cases, 2):
            b = Bundle(data)
            mutate(b)
            changed = b.build()
            path = os.path.join(tmp, f'case-{n}.zip')
            with open(path, 'wb') as f:
                f.write(changed)
            r = subprocess.run([cli, 'verify', path], capture_output=True)
            err = r.stderr.decode('utf-8', 'replace')
            missing = [w for w in words if w not in err]
            if changed == data:
                print(f'not ok {n} - {desc}: the mutation changed nothing')
                failures += 1
            elif r.returncode != 1 or missing:
                print(f'not ok {n} - {desc}: exit {r.returncode}, message lacks {missing}')
                print('# ' + (err.strip() or r.stdout.decode('utf-8', 'replace')).replace('\n', '\n# '))
                print(f'# unzip lists: {unzip_listing(path)}')
                failures += 1
            else:
                print(f'ok {n} - {desc}')
                print('# ' + err.strip().splitlines()[-1])
    return 1 if failures else 0


def independent_read(data):
    """What an unzip-like reader extracts: for each index entry, its name and mode from the
    index, then the data found by skipping the local header at the index's offset. A sorted
    tuple of (name, mode, content-or-error), or an error string for the whole file."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()
    except Exception as e:  # noqa: BLE001 - any failure is an outcome
        return f'unreadable: {type(e).__name__}'
    result = []
    for info in infos:
        try:
            at = info.header_offset
            if data[at:at + 4] != b'PK\x03\x04':
                raise ValueError('no local header')
            name_len, extra_len = struct.unpack_from('<HH', data, at + 26)
            start = at + 30 + name_len + extra_len
            raw = data[start:start + info.compress_size]
            if info.compress_type == 0:
                content = raw
            elif info.compress_type == 8:
                content = zlib.decompressobj(-15).decompress(raw)
            else:
                raise ValueError('method')
            if zlib.crc32(content) != info.CRC or len(content) != info.file_size:
                raise ValueError('crc or size')
        except Exception as e:  # noqa: BLE001
            content = f'error: {type(e).__name__}'
        result.append((info.filename, info.external_attr >> 16, content))
    return tuple(sorted(result, key=repr))


def run_bitflips(helper):
    with tempfile.TemporaryDirectory() as tmp:
        good = os.path.join(tmp, 'good.zip')
        subprocess.run([helper, 'sample', good], check=True)
        data = open(good, 'rb').read()
        original = independent_read(data)
        flips = [(offset, 1 << bit) for offset in range(len(data)) for bit in range(8)]
        changed = {}
        for offset, mask in flips:
            copy = bytearray(data)
            copy[offset] ^= mask
            outcome = independent_read(bytes(copy))
            if outcome != original:
                changed[(offset, mask)] = outcome
        lines = ''.join(f'{o} {m}\n' for o, m in flips)
        r = subprocess.run([helper, 'flips', good], input=lines.encode(), capture_output=True, check=True)
        passed = set()
        for line in r.stdout.decode('utf-8', 'replace').splitlines():
            fields = line.split(' ', 3)
            if fields[2] == '1':
                passed.add((int(fields[0]), int(fields[1])))
        bad = sorted(set(changed) & passed)
        print('1..1')
        print(f'# of {len(flips)} single-bit flips of a {len(data)}-byte bundle, {len(changed)} change '
              f'what an unzip-like reader extracts; {len(passed)} still verify; '
              f'{len(bad)} do both')
        for offset, mask in bad[:20]:
            print(f'# flip at {offset} (0x{mask:02x}) verifies but extracts {changed[(offset, mask)]!r:.300}')
        print('ok 1 - no flip that verifies extracts differently' if not bad else
              'not ok 1 - flips that verify extract differently')
        return 1 if bad else 0


def main():
    if len(sys.argv) == 4 and sys.argv[1] == 'classes':
        return run_classes(sys.argv[2], sys.argv[3])
    if len(sys.argv) == 3 and sys.argv[1] == 'bitflips':
        return run_bitflips(sys.argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main())
