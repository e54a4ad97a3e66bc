import Foundation
import Regua

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a whole file — `regua fmt`'s rewrites and `regua render --output` — without weakening
/// it: the one place where `regua` writes a file.
///
/// - A symbolic link is followed: its target is written and the link stays a link.
/// - A file whose owner has no write permission (`chmod a-w`) is refused before anything is
///   written: a read-only file stays read-only, even for root. So is a directory.
/// - A device or a pipe (`/dev/null`, `/dev/stdout`) is written as a stream, except in a
///   directory walk (`within`), where anything but a regular file is refused.
/// - The file keeps its permissions and owner. When it has one name, the new text goes to a
///   temporary file beside it, given the file's owner and permissions, flushed, then renamed
///   over it: a crash or a full disk leaves the old text or the new, never a mixture. When it has
///   several names (hard links), a POSIX ACL, or an owner that we may not give a file to, its
///   contents are rewritten in place instead, so that every name sees the new text and nothing
///   about the file changes: room for a longer text is taken first, so a full disk leaves the old
///   text whole, but a crash in the middle of the rewrite can leave a mixture.
/// - A new file (`render --output`) is created the same way, readable as the `umask` allows.
/// - With `within`, a file whose real path lies outside that directory is refused.
///
/// Written with the POSIX calls of Glibc (Linux) and Darwin (macOS).
enum FileReplacement {
  /// Why a file was not written, in words that follow `error: cannot write FILE: `.
  struct Failure: Error, Equatable, CustomStringConvertible {
    /// The reason, such as `it is read-only` or `no space left on device`.
    var description: String

    /// A failure with its reason in words.
    init(_ reason: String) { description = reason }

    /// A failed system call's error, in `strerror`'s words.
    init(_ error: SystemError) { description = error.description }
  }

  /// Replaces the contents of the file at `path` with `data`, or creates the file.
  ///
  /// - Parameters:
  ///   - data: the file's new contents.
  ///   - path: the file; a symbolic link is followed to the file it names.
  ///   - directory: when given, a file whose real path lies outside this directory (once its
  ///     symbolic links are followed) is refused.
  /// - Throws: ``Failure`` when the file cannot be written as it should; it is then as it was.
  static func write(_ data: Data, to path: String, within directory: String? = nil) throws(Failure) {
    var named = stat()
    if directory == nil, stat(path, &named) == 0, named.st_mode & S_IFMT != S_IFREG {
      try writeStream(data, to: path, status: named)
      return
    }
    let target = try target(of: path)
    if let directory, !isInside(target, directory: directory) {
      throw Failure("it is outside \(SafeText.escaped(directory))")
    }
    var original = stat()
    guard lstat(target, &original) == 0 else {
      guard errno == ENOENT else { throw Failure(SystemError.last) }
      _ = try replaceByRenaming(data, at: target, like: nil)
      return
    }
    guard original.st_mode & S_IFMT == S_IFREG else { throw Failure("it is not a regular file") }
    guard original.st_mode & S_IWUSR != 0 else { throw Failure("it is read-only") }
    guard access(target, W_OK) == 0 else { throw Failure(SystemError.last) }
    if original.st_nlink == 1, !hasAccessControlList(target),
      try replaceByRenaming(data, at: target, like: original)
    {
      return
    }
    try overwrite(data, at: target, like: original)
  }

  /// Writes `data` to a device or a pipe (`/dev/null`, `/dev/stdout`, a named pipe), which has
  /// no contents to keep whole: opened for writing, as a shell's `>` would.
  ///
  /// - Throws: ``Failure`` for a directory, a stream that its owner may not write, or a failed
  ///   write.
  private static func writeStream(_ data: Data, to path: String, status: stat) throws(Failure) {
    guard status.st_mode & S_IFMT != S_IFDIR else { throw Failure("it is a directory") }
    guard status.st_mode & S_IWUSR != 0 else { throw Failure("it is read-only") }
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw Failure(SystemError.last) }
    defer { close(descriptor) }
    do {
      try FileDescriptor(number: descriptor).write(data)
    } catch {
      throw Failure(error)
    }
  }

  /// The real path of the file a write to `path` reaches: every symbolic link followed, or, for
  /// a file yet to be created, the real path of its directory and its name.
  ///
  /// - Throws: ``Failure`` for a symbolic link to a missing file, or a directory that cannot be
  ///   resolved.
  static func target(of path: String) throws(Failure) -> String {
    if let real = realPath(path) { return real }
    let failure = SystemError.last
    guard failure.code == ENOENT else { throw Failure(failure) }
    var status = stat()
    if lstat(path, &status) == 0 { throw Failure("it is a symbolic link to a missing file") }
    let parent = (path as NSString).deletingLastPathComponent
    guard let directory = realPath(parent.isEmpty ? "." : parent) else { throw Failure(SystemError.last) }
    let name = (path as NSString).lastPathComponent
    return directory == "/" ? "/" + name : directory + "/" + name
  }

  /// Whether `file`, a real path (see ``target(of:)``), lies inside `directory` once the
  /// directory's own symbolic links are followed. Paths are compared byte for byte.
  static func isInside(_ file: String, directory: String) -> Bool {
    guard let root = realPath(directory) else { return false }
    let prefix = root == "/" ? "/" : root + "/"
    return file.utf8.starts(with: prefix.utf8)
  }

  /// `realpath(3)`: `path` with every symbolic link, `.` and `..` resolved, or nil (and `errno`)
  /// when it names nothing.
  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Writes `data` to a new file beside `target`, gives it `original`'s owner and permissions,
  /// and renames it over `target`.
  ///
  /// - Parameter original: the status of the file replaced, or nil to create a new file.
  /// - Returns: false, having changed nothing, when the file cannot be replaced so and must be
  ///   rewritten in place: its directory takes no new file, or its owner cannot be given to one.
  /// - Throws: ``Failure`` when the new text cannot be written; the old file is then untouched
  ///   and the temporary file removed.
  private static func replaceByRenaming(_ data: Data, at target: String, like original: stat?) throws(Failure)
    -> Bool
  {
    let directory = (target as NSString).deletingLastPathComponent
    let temporary: (path: String, descriptor: Int32)
    do {
      // Private until it has the file's permissions; a new file gets what the umask allows.
      temporary = try createTemporary(beside: target, mode: original == nil ? 0o666 : 0o600)
    } catch {
      if original != nil, error.code == EACCES || error.code == EPERM { return false }
      throw Failure(error)
    }
    var isOpen = true
    var renamed = false
    defer {
      if isOpen { close(temporary.descriptor) }
      if !renamed { unlink(temporary.path) }
    }
    if let original {
      var made = stat()
      guard fstat(temporary.descriptor, &made) == 0 else { throw Failure(SystemError.last) }
      if made.st_uid != original.st_uid || made.st_gid != original.st_gid {
        guard fchown(temporary.descriptor, original.st_uid, original.st_gid) == 0 else { return false }
      }
      // After `fchown`, which clears the set-user-ID and set-group-ID bits.
      guard fchmod(temporary.descriptor, original.st_mode & 0o7777) == 0 else { throw Failure(SystemError.last) }
    }
    do {
      try FileDescriptor(number: temporary.descriptor).write(data)
    } catch {
      throw Failure(error)
    }
    guard fsync(temporary.descriptor) == 0 else { throw Failure(SystemError.last) }
    isOpen = false
    guard close(temporary.descriptor) == 0 else { throw Failure(SystemError.last) }
    if let original {
      var now = stat()
      guard lstat(target, &now) == 0, now.st_dev == original.st_dev, now.st_ino == original.st_ino else {
        throw Failure("it changed while it was being written")
      }
    }
    guard rename(temporary.path, target) == 0 else { throw Failure(SystemError.last) }
    renamed = true
    syncDirectory(directory)
    return true
  }

  /// Rewrites the contents of `target` in place, keeping its inode, names, owner, permissions
  /// and access control list.
  ///
  /// Room for a longer text is written first (zeros after the old end), so that a full disk
  /// fails before an old byte is overwritten; the file is then cut back to its old length.
  ///
  /// - Throws: ``Failure``; after a failure past the reservation (an I/O error), the file may
  ///   hold part of each text.
  private static func overwrite(_ data: Data, at target: String, like original: stat) throws(Failure) {
    let descriptor = open(target, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { throw Failure(SystemError.last) }
    defer { close(descriptor) }
    var opened = stat()
    guard fstat(descriptor, &opened) == 0 else { throw Failure(SystemError.last) }
    guard opened.st_dev == original.st_dev, opened.st_ino == original.st_ino else {
      throw Failure("it changed while it was being written")
    }
    let file = FileDescriptor(number: descriptor)
    let oldSize = Int(opened.st_size)
    if data.count > oldSize {
      do {
        try file.write(Data(count: data.count - oldSize), at: oldSize)
      } catch {
        _ = ftruncate(descriptor, off_t(oldSize))
        throw Failure(error)
      }
    }
    do {
      try file.write(data, at: 0)
    } catch {
      throw Failure(error)
    }
    guard ftruncate(descriptor, off_t(data.count)) == 0, fsync(descriptor) == 0 else {
      throw Failure(SystemError.last)
    }
  }

  /// Creates a new, empty file in `target`'s directory, named after it and hidden
  /// (`.NAME.regua-1a2b3c4d.tmp`), with permissions `mode` (less the umask).
  ///
  /// - Returns: the new file's path and an open descriptor for writing.
  /// - Throws: ``SystemError`` when the directory takes no new file.
  private static func createTemporary(beside target: String, mode: mode_t) throws(SystemError) -> (
    path: String, descriptor: Int32
  ) {
    let directory = (target as NSString).deletingLastPathComponent
    // A prefix of the name, so that the temporary name stays under the 255-byte limit.
    let name = String(decoding: (target as NSString).lastPathComponent.utf8.prefix(128), as: UTF8.self)
    for _ in 0..<16 {
      let path = "\(directory)/.\(name).regua-\(String(UInt32.random(in: .min ... .max), radix: 16)).tmp"
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
      if descriptor >= 0 { return (path, descriptor) }
      guard errno == EEXIST else { throw SystemError.last }
    }
    throw SystemError(code: EEXIST)
  }

  /// Whether the file at `path` has a POSIX access control list, which a new file would not
  /// inherit (Linux keeps it in the extended attribute `system.posix_acl_access`).
  ///
  /// Glibc's module leaves out `<sys/xattr.h>`, so `getxattr` is looked up by name; when it
  /// cannot be found the answer is no.
  private static func hasAccessControlList(_ path: String) -> Bool {
    #if canImport(Glibc)
      typealias GetExtendedAttribute =
        @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafeMutableRawPointer?, Int) -> Int
      guard let symbol = dlsym(nil, "getxattr") else { return false }
      let getExtendedAttribute = unsafeBitCast(symbol, to: GetExtendedAttribute.self)
      return getExtendedAttribute(path, "system.posix_acl_access", nil, 0) > 0
    #else
      return false
    #endif
  }

  /// Flushes `directory`, so that a rename in it survives a crash; best effort, as not every
  /// file system can.
  private static func syncDirectory(_ directory: String) {
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }
}
