#!/usr/bin/env python3
"""Independent check of the text-format parser (Sources/WasmText) against wasmtime's `wat2wasm`
(the `wast` crate of wasm-tools, `pip install wasmtime`), which reads the whole WebAssembly 3.0
text format.

    python3 Fuzz/wat_oracle.py [--vudo PATH] [--show N] [FOLDER_OR_FILE.wast ...]

Every text module of the given scripts (default: the suite's `wast-unconverted/` and
`wast/proposals/`) that is not expected to be malformed is encoded by `vudo wat2wasm` and by
wasmtime; the two binaries are compared byte for byte. Known encoding choices where two correct
encoders legitimately differ are normalised first (see `normalise`), and reported separately.
Modules wasmtime rejects are counted, not compared.
"""
import argparse
import collections
import os
import subprocess
import sys
import tempfile

import wasmtime

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUITE = os.environ.get("VUDO_SPEC_TESTSUITE", os.path.join(ROOT, "..", "shared", "wasm-testsuite"))


def sexprs(text):
    """Top-level parenthesised expressions of a script, as (start, end, depth-1 children)."""
    i, n = 0, len(text)
    stack = []
    out = []
    while i < n:
        c = text[i]
        if c == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == '\\' else 1
            i += 1
            continue
        if text.startswith(';;', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
            continue
        if text.startswith('(;', i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith('(;', i):
                    depth, i = depth + 1, i + 2
                elif text.startswith(';)', i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
            continue
        if c == '(':
            stack.append((i, []))
        elif c == ')' and stack:
            start, children = stack.pop()
            node = (start, i + 1, children)
            if stack:
                stack[-1][1].append(node)
            else:
                out.append(node)
        i += 1
    return out


def head(text, node):
    words = text[node[0] + 1:node[1]].split(None, 2)
    return words[:2]


def text_modules(path):
    """(line, module text) of each text-form module outside assert_malformed."""
    text = open(path, encoding='utf-8', errors='surrogateescape').read()
    found = []

    def visit(node):
        words = head(text, node)
        if not words:
            return
        if words[0] == 'module':
            second = words[1] if len(words) > 1 else ''
            if second in ('binary', 'quote', 'instance') or second.startswith('binary') or second.startswith('quote'):
                return
            body = text[node[0]:node[1]]
            rest = body.split(None, 2)
            if len(rest) > 2 and rest[1] in ('definition',):
                body = '(module ' + rest[2]
            if ' binary ' in body[:80] or ' quote ' in body[:80]:
                return
            found.append((text.count('\n', 0, node[0]) + 1, body))
        elif words[0] in ('assert_invalid', 'assert_unlinkable', 'assert_trap', 'assert_uninstantiable'):
            for child in node[2]:
                visit(child)
        elif words[0] == 'thread':
            for child in node[2]:
                visit(child)

    for node in sexprs(text):
        visit(node)
    return found


def leb(data, i):
    result = shift = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def sections(data):
    """(id, contents) of each section."""
    i, out = 8, []
    while i < len(data):
        size, j = leb(data, i + 1)
        out.append((data[i], data[j:j + size]))
        i = j + size
    return out


def without_names(data):
    out = []
    for sid, contents in sections(data):
        if sid == 0:
            length, i = leb(contents, 0)
            if contents[i:i + length] == b'name':
                continue
        out.append((sid, contents))
    return out


def sleb_end(data, i):
    while data[i] & 0x80:
        i += 1
    return i + 1


def const_expr_end(data, i):
    """Index after the `end` of a constant expression starting at i."""
    while True:
        op = data[i]
        i += 1
        if op == 0x0B:
            return i
        if op in (0x41, 0x42, 0x23, 0xD2, 0xD0):
            i = sleb_end(data, i)
        elif op == 0x43:
            i += 4
        elif op == 0x44:
            i += 8
        elif op in (0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E):
            pass
        elif op == 0xFD:
            sub, i = leb(data, i)
            i += 16 if sub == 12 else 0
        elif op == 0xFB:
            sub, i = leb(data, i)
            if sub in (0, 1, 6, 7):
                i = sleb_end(data, i)
            elif sub == 8:
                i = sleb_end(data, sleb_end(data, i))
        else:
            raise ValueError('constant expression opcode %#x' % op)


def canonical_elements(contents):
    """The element section as (mode, table, offset, type, items) with every choice of flags
    undone: explicit table 0 or not, function indices or `ref.func` expressions."""
    count, i = leb(contents, 0)
    out = []
    for _ in range(count):
        flags, i = leb(contents, i)
        table, offset = 0, None
        if flags & 1 == 0:
            if flags & 2:
                table, i = leb(contents, i)
            end = const_expr_end(contents, i)
            offset, i = contents[i:end], end
        items = []
        if flags & 4:
            if flags & 3:
                end = sleb_end(contents, i + 1) if contents[i] in (0x63, 0x64) else i + 1
                type_, i = contents[i:end], end
            else:
                type_ = b'\x70'
            n, i = leb(contents, i)
            for _ in range(n):
                end = const_expr_end(contents, i)
                items.append(contents[i:end])
                i = end
        else:
            if flags & 3:
                i += 1  # elemkind 0x00: (ref func)
            type_ = b'\x64\x70'
            n, i = leb(contents, i)
            for _ in range(n):
                start = i
                i = sleb_end(contents, i)
                items.append(b'\xd2' + contents[start:i] + b'\x0b')
        mode = 'passive' if flags & 3 == 1 else 'declarative' if flags & 3 == 3 else 'active'
        out.append((mode, table, offset, type_, items))
    return out


def canonical(data, function_items_as_ref_func=False):
    out = []
    for sid, contents in without_names(data):
        if sid == 9:
            try:
                elements = canonical_elements(contents)
                if function_items_as_ref_func:
                    elements = [
                        (mode, table, offset, b'\x64\x70' if all(x[:1] == b'\xd2' for x in items) else type_, items)
                        for mode, table, offset, type_, items in elements
                    ]
                out.append((sid, elements))
                continue
            except (ValueError, IndexError):
                pass
        out.append((sid, contents))
    return out


def with_block_types_spelled_out(text):
    """The text with `(type x)` right after `block`, `loop`, `if` and `try_table` replaced by the
    parameters and results of x (or removed where they are spelled out already)."""
    import re
    signatures = []
    names = {}
    for match in re.finditer(r'\(type(\s+\$[^\s()]+)?\s*(\(sub[^()]*)?\((func|struct|array)\b', text):
        if match.group(1):
            names[match.group(1).strip()] = len(signatures)
        signature = None
        if match.group(3) == 'func':
            depth, i = 1, match.end()
            while i < len(text) and depth:
                depth += {'(': 1, ')': -1}.get(text[i], 0)
                i += 1
            signature = re.sub(r'\(param\s+\$("[^"]*"|[^\s()]+)', '(param', text[match.end():i - 1])
        signatures.append(signature)

    def replace(match):
        reference = match.group(4)
        index = names.get(reference) if reference.startswith('$') else int(reference) if reference.isdigit() else None
        spelled = re.match(r'\s*\((param|result)\b', text[match.end():]) is not None
        if index is None or index >= len(signatures) or signatures[index] is None:
            return match.group(0)
        return match.group(1) + (match.group(2) or '') + ' ' + ('' if spelled else signatures[index])

    return re.sub(r'\b(block|loop|if|try_table)(\s+\$("[^"]*"|[^\s()]+))?\s*\(type\s+([^\s()]+)\s*\)', replace, text)


def without_empty_else(text):
    """The text with `(else)` and a flat `else` directly followed by `end` removed."""
    import re
    text = re.sub(r'\(else\s*\)', '', text)
    text = re.sub(r'\belse(\s+\$("[^"]*"|\S+))?\s+end\b', 'end', text)
    return text


def normalise(ours, theirs, body):
    """Names the known legitimate differences between the two encodings, if that is all there is."""
    # wasm-tools writes a `name` section for the identifiers; vudo (like wast2json) writes none.
    if without_names(ours) == without_names(theirs):
        return 'name section'
    # wasm-tools writes the table index of `(elem (table 0) ...)`; vudo, like the reference
    # interpreter's encoder, uses the short form for table 0.
    if canonical(ours) == canonical(theirs):
        return 'element segment flags'
    # `(table reftype (elem $f ...))`: the spec gives the segment the table's type (the reference
    # interpreter writes `ref.func` expressions of that type); wasm-tools writes function
    # indices, of type (ref func).
    if canonical(ours, True) == canonical(theirs, True):
        return 'inline element segment type'
    # The reference interpreter writes a data count section whenever a data index occurs anywhere
    # (`array.new_data` in a global initialiser too); wasm-tools only for the code section.
    if [s for s in canonical(ours, True) if s[0] != 12] == [s for s in canonical(theirs, True) if s[0] != 12]:
        return 'data count section'
    # The reference interpreter (and wabt) leave out an empty `else`; wasm-tools keeps it.
    # wabt writes `(block (type $t))` of a type without parameters and with at most one result
    # in the short form, and the 2.0 suite's structural check follows wabt; wasm-tools writes the
    # type index.
    for label, transform in (
        ('empty else', without_empty_else),
        ('block type short form', with_block_types_spelled_out),
        ('empty else, block type short form', lambda text: without_empty_else(with_block_types_spelled_out(text))),
    ):
        try:
            again = bytes(wasmtime.wat2wasm(transform(body)))
        except Exception:
            continue
        if canonical(ours, True) == canonical(again, True):
            return label
    return None


# Modules where the text format's rule for implicit type uses (only final function types without
# supertypes, alone in their recursion group, are reused; an explicit singleton `(rec ...)` is one)
# makes the reference interpreter, and vudo, pick a different type index than wasm-tools.
IMPLICIT_TYPE_RULE = {
    'wast-unconverted/proposals/wasm-3.0/type-rec.wast:45',
    'wast-unconverted/proposals/wasm-3.0/type-rec.wast:185',
    'wast-unconverted/proposals/wasm-3.0/type-rec.wast:197',
    'wast-unconverted/proposals/wasm-3.0/type-subtyping.wast:373',
    'wast-unconverted/proposals/gc/type-rec.wast:117',
    'wast-unconverted/proposals/gc/type-rec.wast:129',
    'wast-unconverted/proposals/gc/type-subtyping.wast:319',
    'wast-unconverted/proposals/gc/type-subtyping.wast:290',
    'wast-unconverted/proposals/wasm-3.0/type-subtyping.wast:344',
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--vudo', default=os.path.join(ROOT, '.build', 'debug', 'vudo'))
    parser.add_argument('--show', type=int, default=20)
    parser.add_argument('paths', nargs='*')
    args = parser.parse_args()
    paths = args.paths or [os.path.join(SUITE, 'wast-unconverted'), os.path.join(SUITE, 'wast', 'proposals')]
    scripts = []
    for path in paths:
        if os.path.isdir(path):
            for root, _, files in os.walk(path):
                scripts += [os.path.join(root, f) for f in files if f.endswith('.wast')]
        else:
            scripts.append(path)
    scripts.sort()

    counts = collections.Counter()
    problems = []
    with tempfile.TemporaryDirectory() as work:
        modules = []
        for script in scripts:
            for line, body in text_modules(script):
                name = os.path.join(work, '%d.wat' % len(modules))
                with open(name, 'w', encoding='utf-8', errors='surrogateescape') as f:
                    f.write(body)
                modules.append((script, line, body, name))
        names = [m[3] for m in modules]
        for start in range(0, len(names), 500):
            subprocess.run([args.vudo, 'wat2wasm'] + names[start:start + 500],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for script, line, body, name in modules:
            where = '%s:%d' % (os.path.relpath(script, SUITE), line)
            try:
                theirs = bytes(wasmtime.wat2wasm(body))
            except Exception as error:
                counts['wasmtime rejects'] += 1
                continue
            output = name[:-4] + '.wasm'
            if not os.path.exists(output):
                counts['vudo rejects'] += 1
                problems.append(where + ': vudo rejects a module wasmtime reads')
                continue
            ours = open(output, 'rb').read()
            if ours == theirs:
                counts['identical'] += 1
                continue
            known = normalise(ours, theirs, body)
            if not known and where in IMPLICIT_TYPE_RULE:
                known = 'implicit type rule'

            if known:
                counts['known difference: ' + known] += 1
            else:
                counts['different'] += 1
                a, b = without_names(ours), without_names(theirs)
                detail = 'section count %d vs %d' % (len(a), len(b))
                for (sa, ca), (sb, cb) in zip(a, b):
                    if (sa, ca) != (sb, cb):
                        at = next((k for k in range(min(len(ca), len(cb))) if ca[k] != cb[k]), min(len(ca), len(cb)))
                        detail = 'section %d at %d: %s / %s' % (sa, at, ca[max(0, at - 6):at + 10].hex(), cb[max(0, at - 6):at + 10].hex())
                        break
                problems.append(where + ': binaries differ, ' + detail)
    for key in sorted(counts):
        print('%-40s %d' % (key, counts[key]))
    problems.sort(key=lambda p: 'rejects' in p)
    for problem in problems[:args.show]:
        print(problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
