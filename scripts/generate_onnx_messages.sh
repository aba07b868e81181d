#!/usr/bin/env bash
# Regenerates Sources/ONNXMessages/onnx.pb.swift from Sources/ONNXMessages/onnx.proto, the
# ONNX schema (copy a newer onnx.proto there first to move to it). Needs protoc (Debian's
# protobuf-compiler) and swift-protobuf's code generator of the version in Package.resolved,
# built here (about a minute): the generated file is committed, so builds need neither.
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(python3 -c 'import json,sys; pins=json.load(open("Package.resolved"))["pins"]; print(next(p["state"]["version"] for p in pins if p["identity"] == "swift-protobuf"))')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone --quiet --branch "$version" --depth 1 https://github.com/apple/swift-protobuf "$work/swift-protobuf"
swift build -c release --package-path "$work/swift-protobuf" --product protoc-gen-swift
protoc --plugin=protoc-gen-swift="$work/swift-protobuf/.build/release/protoc-gen-swift" \
    --swift_out=Sources/ONNXMessages --swift_opt=Visibility=Public \
    --proto_path=Sources/ONNXMessages Sources/ONNXMessages/onnx.proto
