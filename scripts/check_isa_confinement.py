#!/usr/bin/env python3
"""Check that a built x86-64 program starts on any x86-64: instructions beyond the
architecture's baseline appear only in the functions of the kernel targets compiled for
them.

The targets KernelsAVX512 and KernelsAVX2 are compiled for Skylake-AVX512 and Haswell,
and run only after the CPU has been asked. Any other function that holds one of their
instructions (for example a generic function's copy that the linker took from one of those
targets) could stop the program with an illegal instruction on a CPU without them.

Functions are read from `objdump -d` and their names demangled with `swift demangle`. A
function may use AVX-512 (zmm or mask registers) only if its name mentions the module
KernelsAVX512, and AVX, AVX2, FMA, BMI, LZCNT or MOVBE only if it mentions KernelsAVX2 or
KernelsAVX512. Exit 0: confined; 1: a function breaks the rule (each is listed); 2: the
program could not be read.
"""

import argparse
import re
import subprocess
import sys

AVX512 = "AVX-512"
HASWELL = "AVX2/FMA/BMI"
ALLOWED = {
    AVX512: ("KernelsAVX512.",),
    HASWELL: ("KernelsAVX512.", "KernelsAVX2."),
}
# Instructions of Haswell's sets that are not VEX-encoded (every VEX or EVEX instruction
# starts with "v" in objdump's AT&T syntax).
HASWELL_SCALAR = {
    "andn", "bextr", "blsi", "blsmsk", "blsr", "bzhi", "mulx", "pdep", "pext", "rorx",
    "sarx", "shlx", "shrx", "lzcnt", "movbe",
}
FUNCTION = re.compile(r"^[0-9a-f]+ <(.*)>:$")
INSTRUCTION = re.compile(r"^\s*[0-9a-f]+:\s+(?:\{[a-z]+\}\s+)?([a-z][a-z0-9.]*)\s*(.*)$")


def instruction_set(mnemonic: str, operands: str) -> str | None:
    """Return the instruction set beyond the baseline that an instruction needs, or None."""
    if "%zmm" in operands or re.search(r"%k[0-7]\b", operands) or "{1to" in operands:
        return AVX512
    if mnemonic.startswith("v") or "%ymm" in operands:
        return HASWELL
    if mnemonic in HASWELL_SCALAR:
        return HASWELL
    return None


def violations(disassembly: str) -> list[str]:
    """Return one line per function that uses instructions its name does not allow, and
    one if a kernel target holds none of its instructions (then this is not the program
    the check is for, or the targets were compiled without their instruction sets)."""
    problems = []
    name, found = None, {}
    confined = set()

    def close() -> None:
        for needed, example in sorted(found.items()):
            module = next((m for m in ALLOWED[needed] if m in name), None)
            if module is None:
                problems.append(f"{name}: {needed} instruction `{example}` outside its kernel target")
            else:
                confined.add((needed, module))

    for line in disassembly.splitlines():
        header = FUNCTION.match(line)
        if header:
            if name is not None:
                close()
            name, found = header.group(1), {}
            continue
        match = INSTRUCTION.match(line)
        if name is None or not match:
            continue
        needed = instruction_set(match.group(1), match.group(2))
        if needed and needed not in found:
            found[needed] = f"{match.group(1)} {match.group(2)}".strip()
    if name is not None:
        close()
    for needed, module in [(AVX512, "KernelsAVX512."), (HASWELL, "KernelsAVX2.")]:
        if (needed, module) not in confined:
            problems.append(f"no function of {module[:-1]} uses {needed} instructions")
    return problems


def disassemble(program: str) -> str:
    """Return the demangled disassembly of the program's code."""
    objdump = subprocess.run(["objdump", "-d", "--no-show-raw-insn", program],
                             capture_output=True, text=True, check=True)
    demangled = subprocess.run(["swift", "demangle"], input=objdump.stdout,
                               capture_output=True, text=True, check=True)
    return demangled.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", help="the built program, for example .build/release/plastic-unet")
    args = parser.parse_args()
    try:
        text = disassemble(args.program)
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"check_isa_confinement: cannot disassemble {args.program}: {error}", file=sys.stderr)
        return 2
    problems = violations(text)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} functions use instructions beyond x86-64 outside their kernel targets")
        return 1
    print(f"{args.program}: instructions beyond x86-64 only in KernelsAVX512 and KernelsAVX2")
    return 0


if __name__ == "__main__":
    sys.exit(main())
