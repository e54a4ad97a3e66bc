import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file descriptor as its bytes come: each read returns what is available, up to a
/// size, instead of waiting to fill it (`FileHandle.read(upToCount:)` waits), so a pipe's lines
/// are handed on as soon as they are written.
struct DescriptorInput {
  /// The most bytes one read returns.
  static let chunkBytes = 1 << 20

  /// Why a read failed, in the system's words.
  struct Failure: Error {
    var reason: String
  }

  let descriptor: Int32
  private var chunk = [UInt8](repeating: 0, count: DescriptorInput.chunkBytes)

  init(descriptor: Int32) { self.descriptor = descriptor }

  /// The next bytes available (waiting only while there are none), `nil` at the end.
  ///
  /// - Throws: ``Failure`` when the system cannot read the descriptor.
  mutating func next() throws(Failure) -> Data? {
    let descriptor = self.descriptor
    while true {
      let count = chunk.withUnsafeMutableBytes { buffer in
        #if canImport(Glibc)
          Glibc.read(descriptor, buffer.baseAddress, buffer.count)
        #elseif canImport(Darwin)
          Darwin.read(descriptor, buffer.baseAddress, buffer.count)
        #endif
      }
      if count > 0 {
        return chunk.withUnsafeBufferPointer { Data(buffer: UnsafeBufferPointer(rebasing: $0[..<count])) }
      }
      if count == 0 { return nil }
      let code = errno
      if code == EINTR { continue }
      throw Failure(reason: String(cString: strerror(code)))
    }
  }
}
