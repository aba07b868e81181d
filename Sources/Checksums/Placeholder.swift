// The Checksums module; its first files arrive with the issue that needs it.
