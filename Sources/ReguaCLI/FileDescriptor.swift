import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open file descriptor, written with plain system calls so that a failure keeps its `errno`
/// (Foundation's `FileHandle` reports `EPIPE` as "NSCocoaErrorDomain error 512").
struct FileDescriptor {
  /// The descriptor's number.
  var number: Int32

  /// Standard output.
  static let standardOutput = FileDescriptor(number: 1)

  /// Standard error.
  static let standardError = FileDescriptor(number: 2)

  /// Writes all of `data`, at the current position or at `offset`, going on after a partial
  /// write and retrying after a signal.
  ///
  /// - Throws: ``SystemError`` when the descriptor takes no more (`EPIPE`, `ENOSPC`, `EIO`…).
  func write(_ data: Data, at offset: Int? = nil) throws(SystemError) {
    var written = 0
    while written < data.count {
      let result = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        let remaining = buffer.count - written
        if let offset {
          return pwrite(number, base + written, remaining, off_t(offset + written))
        }
        #if canImport(Glibc)
          return Glibc.write(number, base + written, remaining)
        #else
          return Darwin.write(number, base + written, remaining)
        #endif
      }
      if result < 0 {
        if errno == EINTR { continue }
        throw SystemError.last
      }
      // A regular file or a pipe that takes nothing without an error is full.
      if result == 0 { throw SystemError(code: ENOSPC) }
      written += result
    }
  }

  /// Reads what is available into `buffer`, up to its size (waiting only while nothing is),
  /// retrying after a signal: the number of bytes read, 0 at the end.
  ///
  /// - Throws: ``SystemError`` when the descriptor cannot be read.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
    while true {
      #if canImport(Glibc)
        let count = Glibc.read(number, buffer.baseAddress, buffer.count)
      #else
        let count = Darwin.read(number, buffer.baseAddress, buffer.count)
      #endif
      if count >= 0 { return count }
      if errno != EINTR { throw SystemError.last }
    }
  }
}
