// The TGSData module; its first files arrive with the issue that needs it.
