// Generated from schemas/model-v1.json: do not edit. Regenerate with
//   PLASTIC_UNET_REGENERATE_SCHEMA=1 swift test --filter EmbeddedSchemaTests

/// The text of `schemas/model-v1.json`, embedded so that the binary works wherever it is
/// copied (a test fails when the two differ).
package enum ModelSchemaText {
    /// The JSON text.
    package static let json = #"""
{
  "title": "plastic-unet model file, format version 1",
  "description": "The layout of a plastic-unet model file (HDF5). `plastic-unet validate`, the reader and the writer check files against this document, which the binary embeds. Names not listed here are not allowed in a version 1 file: a new name is added here first.",
  "format": "plastic-unet-model",
  "format_version": 1,
  "symbols": {
    "S": {"config": "size", "description": "the image size: images are S x S"},
    "n": {"config": "width", "description": "the base width of the network"},
    "steps": {"length_of": "/history/train_loss", "description": "the number of recorded training steps"},
    "epochs": {"length_of": "/history/epochs/train_loss", "description": "the number of recorded epochs"},
    "n_train": {"length_of": "/dataset/train_ids", "description": "the number of training images"},
    "n_val": {"length_of": "/dataset/val_ids", "description": "the number of validation images"},
    "original_steps": {"length_of": "/history/original/train_loss", "description": "the number of losses in the original's train/all_losses"},
    "series_length": {"description": "the length of one of the original's validation series (each has its own)"}
  },
  "conditions": {
    "always": {"description": "always", "all": []},
    "plastic": {"description": "rule is hebb or oja", "all": [{"key": "rule", "in": ["hebb", "oja"]}]},
    "free_alpha": {"description": "rule is hebb or oja and alpha is free",
                   "all": [{"key": "rule", "in": ["hebb", "oja"]}, {"key": "alpha", "in": ["free"]}]},
    "yoked_alpha": {"description": "rule is hebb or oja and alpha is yoked",
                    "all": [{"key": "rule", "in": ["hebb", "oja"]}, {"key": "alpha", "in": ["yoked"]}]},
    "learn_eta": {"description": "learn_eta is true", "all": [{"key": "learn_eta", "in": [true]}]},
    "trained": {"description": "the file was written by training (config epochs >= 1; init writes epochs 0)",
                "all": [{"key": "epochs", "at_least": 1}]}
  },
  "storage": {
    "description": "Every dataset is chunked and passes through shuffle, deflate and fletcher32, in that order, so that a flipped bit in its data fails the read. Files use the newest format of the HDF5 library (metadata carry checksums) and store no object times.",
    "layout": "chunked",
    "filters": ["shuffle", "deflate", "fletcher32"]
  },
  "dtypes": {
    "float32": "IEEE 754 binary32, little-endian",
    "float64": "IEEE 754 binary64, little-endian",
    "uint64": "unsigned 64-bit integer, little-endian",
    "string[*]": "UTF-8 text as fixed-length strings, as wide as the longest one, padded with NULs (HDF5 refuses fletcher32 on variable-length types)"
  },
  "attribute_types": {
    "string": "variable-length UTF-8 string, scalar",
    "int64": "signed 64-bit integer, scalar",
    "uint64": "unsigned 64-bit integer, scalar",
    "float64": "IEEE 754 binary64, scalar"
  },
  "objects": [
    {"path": "/", "kind": "group", "attributes": [
      {"name": "format", "type": "string", "value": "plastic-unet-model"},
      {"name": "format_version", "type": "int64", "value": 1},
      {"name": "generator", "type": "string", "prefix": "plastic-unet ",
       "description": "the program and version that wrote the file"},
      {"name": "config", "type": "string", "content": "run-configuration",
       "description": "every architecture and training option as one JSON object with sorted keys"}
    ]},
    {"path": "/parameters", "kind": "group", "description": "one group per convolution, see parameters.convolutions"},
    {"path": "/plastic", "kind": "group", "description": "the plastic head, see parameters.head"},
    {"path": "/trace", "kind": "group", "required_when": "plastic"},
    {"path": "/trace/hebb", "kind": "dataset", "dtype": "float32", "shape": ["S", "S"],
     "description": "the trace H at the end of training",
     "attributes": [{"name": "samples", "type": "int64", "minimum": 0, "description": "updates since the last reset"}]},
    {"path": "/trace/eta_sensitivity", "kind": "dataset", "dtype": "float32", "shape": ["S", "S"],
     "required_when": "learn_eta", "description": "the forward-mode sensitivity dH/d eta"},
    {"path": "/optimizer", "kind": "group", "description": "Adam with StepLR", "attributes": [
      {"name": "name", "type": "string", "value": "adam"},
      {"name": "step", "type": "int64", "minimum": 0, "description": "optimizer steps taken"},
      {"name": "lr", "type": "float64", "description": "the base learning rate"},
      {"name": "beta1", "type": "float64"},
      {"name": "beta2", "type": "float64"},
      {"name": "eps", "type": "float64"},
      {"name": "gamma", "type": "float64", "description": "StepLR's factor"},
      {"name": "step_size", "type": "int64", "minimum": 1, "description": "StepLR's period in steps"}
    ]},
    {"path": "/optimizer/m", "kind": "group", "description": "first moments, see parameters.optimizer_mirrors"},
    {"path": "/optimizer/v", "kind": "group", "description": "second moments, see parameters.optimizer_mirrors"},
    {"path": "/rng", "kind": "group", "description": "the random streams",
     "attributes": [
       {"name": "algorithm", "type": "string"},
       {"name": "seed", "type": ["uint64", "int64"]}
     ],
     "other_attributes": {"type": "int64", "description": "the state each named stream needs to continue"}},
    {"path": "/progress", "kind": "group", "attributes": [
      {"name": "epoch", "type": "int64", "minimum": 0, "description": "completed epochs"},
      {"name": "sample_in_epoch", "type": "int64", "minimum": 0, "description": "samples done in the current epoch"}
    ]},
    {"path": "/history", "kind": "group"},
    {"path": "/history/train_loss", "kind": "dataset", "dtype": "float32", "shape": ["steps"],
     "description": "the loss of every training step"},
    {"path": "/history/epochs", "kind": "group", "description": "one row per completed epoch, as parallel arrays"},
    {"path": "/history/epochs/train_loss", "kind": "dataset", "dtype": "float64", "shape": ["epochs"]},
    {"path": "/history/epochs/val_loss", "kind": "dataset", "dtype": "float64", "shape": ["epochs"]},
    {"path": "/history/epochs/val_score", "kind": "dataset", "dtype": "float64", "shape": ["epochs"]},
    {"path": "/history/epochs/lr", "kind": "dataset", "dtype": "float64", "shape": ["epochs"]},
    {"path": "/history/step_digests", "kind": "dataset", "dtype": "uint64", "shape": ["steps", 4], "optional": true,
     "description": "the digests of every training step, a row per step: its inputs (the image id, pixels and mask, the dropout decisions, the learning rate) and the state after it (the parameters, the trace, Adam's moments); absent in a file of an older version, or of a run resumed from one (docs/FORMAT.md, Step digests)",
     "attributes": [
       {"name": "algorithm", "type": "string", "value": "XXH3-64", "description": "the hash of every digest (seed 0)"},
       {"name": "parts", "type": "string", "value": "inputs,parameters,trace,optimizer",
        "description": "the columns, in order"},
       {"name": "block_elements", "type": "int64", "value": 16384,
        "description": "the floats of one hashed block of a tensor"}
     ]},
    {"path": "/history/original", "kind": "group", "optional": true,
     "description": "the losses of a training output of the original PyTorch implementation (train_data.hdf5), kept by `plastic-unet import --original-history`, apart from this program's history",
     "attributes": [{"name": "source_sha256", "type": "string", "content": "sha256-hex", "description": "the sha256 of the original's file"}]},
    {"path": "/history/original/train_loss", "kind": "dataset", "dtype": "float64", "shape": ["original_steps"],
     "description": "the original's train/all_losses"},
    {"path": "/history/original/validation", "kind": "group",
     "description": "the original's one-dimensional validation/* series, each under its own name"},
    {"path": "/history/original/validation/*", "kind": "dataset", "dtype": "float64", "shape": ["series_length"],
     "optional": true, "description": "one validation series of the original (any name)"},
    {"path": "/dataset", "kind": "group", "required_when": "trained", "allowed_when": "always",
     "description": "the data set training used; absent in an untrained file",
     "attributes": [
       {"name": "fingerprint", "type": "string", "content": "sha256-hex",
        "description": "sha256 over ids, image and mask bytes in id order"},
       {"name": "size", "type": "int64", "equals": "S"},
       {"name": "n_train", "type": "int64", "equals": "n_train"},
       {"name": "n_val", "type": "int64", "equals": "n_val"}
     ]},
    {"path": "/dataset/train_ids", "kind": "dataset", "dtype": "string[*]", "shape": ["n_train"],
     "description": "training ids in split order"},
    {"path": "/dataset/val_ids", "kind": "dataset", "dtype": "string[*]", "shape": ["n_val"],
     "description": "validation ids in split order"}
  ],
  "object_rules": "An object is required when its required_when condition holds (default always) and its parent exists; it may exist when its allowed_when condition holds (default: its required_when). An object that is optional (optional: true) may be left out. A last path component * stands for any child of its group that no other rule names. Groups above a listed path are required with it.",
  "parameters": {
    "description": "The trainable tensors, in the order of the original PyTorch state_dict.",
    "dtype": "float32",
    "attributes": [{"name": "torch_name", "type": "string", "value_from": "torch_name",
                    "description": "the key of the original PyTorch module's state_dict"}],
    "optimizer_mirrors": ["/optimizer/m", "/optimizer/v"],
    "head": [
      {"path": "/plastic/w", "torch_name": "w", "shape": ["S", "S"]},
      {"path": "/plastic/alpha", "torch_name": "alpha", "shape": ["S", "S"], "required_when": "free_alpha"},
      {"path": "/plastic/alpha", "torch_name": "alpha", "shape": [1], "required_when": "yoked_alpha"},
      {"path": "/plastic/eta", "torch_name": "eta", "shape": [1], "required_when": "plastic"}
    ],
    "convolution_weight": {"path": "/parameters/{name}/weight", "torch_name": "{torch_prefix}.weight"},
    "convolution_bias": {"path": "/parameters/{name}/bias", "torch_name": "{torch_prefix}.bias"},
    "convolutions": [
      {"name": "down1.conv", "torch_prefix": "conv1.dconv.0", "weight": ["n", 1, 3, 3], "bias": ["n"]},
      {"name": "down1.res1.conv1", "torch_prefix": "conv1.dconv.1.conv.1.conv", "weight": ["n", "n", 3, 3], "bias": ["n"]},
      {"name": "down1.res1.conv2", "torch_prefix": "conv1.dconv.1.conv.2.conv", "weight": ["n", "n", 3, 3], "bias": ["n"]},
      {"name": "down1.res2.conv1", "torch_prefix": "conv1.dconv.2.conv.1.conv", "weight": ["n", "n", 3, 3], "bias": ["n"]},
      {"name": "down1.res2.conv2", "torch_prefix": "conv1.dconv.2.conv.2.conv", "weight": ["n", "n", 3, 3], "bias": ["n"]},
      {"name": "down2.conv", "torch_prefix": "conv2.dconv.0", "weight": ["2*n", "n", 3, 3], "bias": ["2*n"]},
      {"name": "down2.res1.conv1", "torch_prefix": "conv2.dconv.1.conv.1.conv", "weight": ["2*n", "2*n", 3, 3], "bias": ["2*n"]},
      {"name": "down2.res1.conv2", "torch_prefix": "conv2.dconv.1.conv.2.conv", "weight": ["2*n", "2*n", 3, 3], "bias": ["2*n"]},
      {"name": "down2.res2.conv1", "torch_prefix": "conv2.dconv.2.conv.1.conv", "weight": ["2*n", "2*n", 3, 3], "bias": ["2*n"]},
      {"name": "down2.res2.conv2", "torch_prefix": "conv2.dconv.2.conv.2.conv", "weight": ["2*n", "2*n", 3, 3], "bias": ["2*n"]},
      {"name": "down3.conv", "torch_prefix": "conv3.dconv.0", "weight": ["4*n", "2*n", 3, 3], "bias": ["4*n"]},
      {"name": "down3.res1.conv1", "torch_prefix": "conv3.dconv.1.conv.1.conv", "weight": ["4*n", "4*n", 3, 3], "bias": ["4*n"]},
      {"name": "down3.res1.conv2", "torch_prefix": "conv3.dconv.1.conv.2.conv", "weight": ["4*n", "4*n", 3, 3], "bias": ["4*n"]},
      {"name": "down3.res2.conv1", "torch_prefix": "conv3.dconv.2.conv.1.conv", "weight": ["4*n", "4*n", 3, 3], "bias": ["4*n"]},
      {"name": "down3.res2.conv2", "torch_prefix": "conv3.dconv.2.conv.2.conv", "weight": ["4*n", "4*n", 3, 3], "bias": ["4*n"]},
      {"name": "down4.conv", "torch_prefix": "conv4.dconv.0", "weight": ["8*n", "4*n", 3, 3], "bias": ["8*n"]},
      {"name": "down4.res1.conv1", "torch_prefix": "conv4.dconv.1.conv.1.conv", "weight": ["8*n", "8*n", 3, 3], "bias": ["8*n"]},
      {"name": "down4.res1.conv2", "torch_prefix": "conv4.dconv.1.conv.2.conv", "weight": ["8*n", "8*n", 3, 3], "bias": ["8*n"]},
      {"name": "down4.res2.conv1", "torch_prefix": "conv4.dconv.2.conv.1.conv", "weight": ["8*n", "8*n", 3, 3], "bias": ["8*n"]},
      {"name": "down4.res2.conv2", "torch_prefix": "conv4.dconv.2.conv.2.conv", "weight": ["8*n", "8*n", 3, 3], "bias": ["8*n"]},
      {"name": "middle.conv", "torch_prefix": "mid.mconv.0", "weight": ["16*n", "8*n", 3, 3], "bias": ["16*n"]},
      {"name": "middle.res1.conv1", "torch_prefix": "mid.mconv.1.conv.1.conv", "weight": ["16*n", "16*n", 3, 3], "bias": ["16*n"]},
      {"name": "middle.res1.conv2", "torch_prefix": "mid.mconv.1.conv.2.conv", "weight": ["16*n", "16*n", 3, 3], "bias": ["16*n"]},
      {"name": "middle.res2.conv1", "torch_prefix": "mid.mconv.2.conv.1.conv", "weight": ["16*n", "16*n", 3, 3], "bias": ["16*n"]},
      {"name": "middle.res2.conv2", "torch_prefix": "mid.mconv.2.conv.2.conv", "weight": ["16*n", "16*n", 3, 3], "bias": ["16*n"]},
      {"name": "up4.transpose", "torch_prefix": "uconv4.dconv", "weight": ["16*n", "8*n", 3, 3], "bias": ["8*n"]},
      {"name": "up4.conv", "torch_prefix": "uconv4.uconv.1.mconv.0", "weight": ["8*n", "16*n", 3, 3], "bias": ["8*n"]},
      {"name": "up4.res1.conv1", "torch_prefix": "uconv4.uconv.1.mconv.1.conv.1.conv", "weight": ["8*n", "8*n", 3, 3], "bias": ["8*n"]},
      {"name": "up4.res1.conv2", "torch_prefix": "uconv4.uconv.1.mconv.1.conv.2.conv", "weight": ["8*n", "8*n", 3, 3], "bias": ["8*n"]},
      {"name": "up4.res2.conv1", "torch_prefix": "uconv4.uconv.1.mconv.2.conv.1.conv", "weight": ["8*n", "8*n", 3, 3], "bias": ["8*n"]},
      {"name": "up4.res2.conv2", "torch_prefix": "uconv4.uconv.1.mconv.2.conv.2.conv", "weight": ["8*n", "8*n", 3, 3], "bias": ["8*n"]},
      {"name": "up3.transpose", "torch_prefix": "uconv3.dconv", "weight": ["8*n", "4*n", 3, 3], "bias": ["4*n"]},
      {"name": "up3.conv", "torch_prefix": "uconv3.uconv.1.mconv.0", "weight": ["4*n", "8*n", 3, 3], "bias": ["4*n"]},
      {"name": "up3.res1.conv1", "torch_prefix": "uconv3.uconv.1.mconv.1.conv.1.conv", "weight": ["4*n", "4*n", 3, 3], "bias": ["4*n"]},
      {"name": "up3.res1.conv2", "torch_prefix": "uconv3.uconv.1.mconv.1.conv.2.conv", "weight": ["4*n", "4*n", 3, 3], "bias": ["4*n"]},
      {"name": "up3.res2.conv1", "torch_prefix": "uconv3.uconv.1.mconv.2.conv.1.conv", "weight": ["4*n", "4*n", 3, 3], "bias": ["4*n"]},
      {"name": "up3.res2.conv2", "torch_prefix": "uconv3.uconv.1.mconv.2.conv.2.conv", "weight": ["4*n", "4*n", 3, 3], "bias": ["4*n"]},
      {"name": "up2.transpose", "torch_prefix": "uconv2.dconv", "weight": ["4*n", "2*n", 3, 3], "bias": ["2*n"]},
      {"name": "up2.conv", "torch_prefix": "uconv2.uconv.1.mconv.0", "weight": ["2*n", "4*n", 3, 3], "bias": ["2*n"]},
      {"name": "up2.res1.conv1", "torch_prefix": "uconv2.uconv.1.mconv.1.conv.1.conv", "weight": ["2*n", "2*n", 3, 3], "bias": ["2*n"]},
      {"name": "up2.res1.conv2", "torch_prefix": "uconv2.uconv.1.mconv.1.conv.2.conv", "weight": ["2*n", "2*n", 3, 3], "bias": ["2*n"]},
      {"name": "up2.res2.conv1", "torch_prefix": "uconv2.uconv.1.mconv.2.conv.1.conv", "weight": ["2*n", "2*n", 3, 3], "bias": ["2*n"]},
      {"name": "up2.res2.conv2", "torch_prefix": "uconv2.uconv.1.mconv.2.conv.2.conv", "weight": ["2*n", "2*n", 3, 3], "bias": ["2*n"]},
      {"name": "up1.transpose", "torch_prefix": "uconv1.dconv", "weight": ["2*n", "n", 3, 3], "bias": ["n"]},
      {"name": "up1.conv", "torch_prefix": "uconv1.uconv.1.mconv.0", "weight": ["n", "2*n", 3, 3], "bias": ["n"]},
      {"name": "up1.res1.conv1", "torch_prefix": "uconv1.uconv.1.mconv.1.conv.1.conv", "weight": ["n", "n", 3, 3], "bias": ["n"]},
      {"name": "up1.res1.conv2", "torch_prefix": "uconv1.uconv.1.mconv.1.conv.2.conv", "weight": ["n", "n", 3, 3], "bias": ["n"]},
      {"name": "up1.res2.conv1", "torch_prefix": "uconv1.uconv.1.mconv.2.conv.1.conv", "weight": ["n", "n", 3, 3], "bias": ["n"]},
      {"name": "up1.res2.conv2", "torch_prefix": "uconv1.uconv.1.mconv.2.conv.2.conv", "weight": ["n", "n", 3, 3], "bias": ["n"]},
      {"name": "output", "torch_prefix": "outc.conv", "weight": [1, "n", 1, 1], "bias": [1]}
    ]
  }
}

"""#
}
