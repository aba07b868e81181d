// Tests arrive with the module's first files.
