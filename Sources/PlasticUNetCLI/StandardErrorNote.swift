import Foundation

/// Notes on standard error: things a user should know that do not stop the command.
enum StandardErrorNote {
    /// Writes `plastic-unet: note: <message>` and a line feed to standard error.
    static func print(_ message: String) {
        FileHandle.standardError.write(Data("plastic-unet: note: \(message)\n".utf8))
    }
}
