#!/usr/bin/env python3
"""Check an ONNX file with onnx's own checker (full check, with shape inference).

Usage: check_onnx.py MODEL.onnx

Prints "ok" and exits 0 when the checker accepts the file; prints its complaint and exits
1 otherwise.
"""

import sys

import onnx


def main() -> int:
    try:
        onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)
    except (onnx.checker.ValidationError, onnx.shape_inference.InferenceError) as error:
        print(f"{sys.argv[1]}: {error}")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
