import Foundation

/// Reads a file, or standard input for `-`, in chunks, never keeping more than a bound.
///
/// Rule files and invoice documents may come from untrusted tenants: `--invoice - < /dev/zero`
/// or a 2 GB rule file must fail at once with little memory, not after reading everything. The
/// reader stops one byte past the bound, which is enough to know the input is too large.
enum BoundedInput {
  /// How many bytes one read asks for.
  static let chunkBytes = 64 * 1024

  /// What was read.
  struct Contents {
    /// Every byte, or the first `limit + 1` bytes of an input larger than the limit.
    var bytes: [UInt8]
    /// Whether the input is larger than the limit, so that `bytes` is only its beginning.
    var exceedsLimit: Bool
  }

  /// Why an input could not be read, in a few words: `no such file`, `it is a directory`…
  struct Unreadable: Error {
    var reason: String
  }

  /// Reads `path`, or standard input for `-`, up to `limit` bytes and one more.
  ///
  /// - Throws: ``Unreadable`` when the file does not exist, is a directory, cannot be opened or
  ///   fails while being read.
  static func read(_ path: String, limit: Int) throws(Unreadable) -> Contents {
    let handle: FileHandle
    if path == "-" {
      handle = FileHandle.standardInput
    } else {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw Unreadable(reason: "no such file")
      }
      guard !isDirectory.boolValue else { throw Unreadable(reason: "it is a directory") }
      guard let opened = FileHandle(forReadingAtPath: path) else { throw Unreadable(reason: "permission denied") }
      handle = opened
    }
    defer { if path != "-" { try? handle.close() } }
    var bytes: [UInt8] = []
    while bytes.count <= limit {
      let chunk: Data?
      do {
        chunk = try handle.read(upToCount: min(chunkBytes, limit + 1 - bytes.count))
      } catch {
        throw Unreadable(reason: error.localizedDescription)
      }
      guard let chunk, !chunk.isEmpty else { break }
      bytes.append(contentsOf: chunk)
    }
    return Contents(bytes: bytes, exceedsLimit: bytes.count > limit)
  }

  /// A size for people: `4 MiB`, `1 MiB`, `512 KiB`, `100 bytes`.
  static func describe(bytes: Int) -> String {
    if bytes >= 1024 * 1024, bytes % (1024 * 1024) == 0 { return "\(bytes / (1024 * 1024)) MiB" }
    if bytes >= 1024, bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
    return "\(bytes) bytes"
  }
}
