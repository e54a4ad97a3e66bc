import Foundation

/// Reads a file descriptor as its bytes come: each read returns what is available, up to a
/// size, instead of waiting to fill it (`FileHandle.read(upToCount:)` waits), so a pipe's lines
/// are handed on as soon as they are written.
struct DescriptorInput {
  /// The most bytes one read returns.
  static let chunkBytes = 1 << 20

  let descriptor: FileDescriptor
  private var chunk = [UInt8](repeating: 0, count: DescriptorInput.chunkBytes)

  init(descriptor: Int32) { self.descriptor = FileDescriptor(number: descriptor) }

  /// The next bytes available (waiting only while there are none), `nil` at the end.
  ///
  /// - Throws: ``SystemError`` when the system cannot read the descriptor.
  mutating func next() throws(SystemError) -> Data? {
    let descriptor = self.descriptor
    // `withUnsafeMutableBytes` rethrows untyped errors: the typed one is carried out as a result.
    let read = chunk.withUnsafeMutableBytes { buffer in
      Result { () throws(SystemError) in try descriptor.read(into: buffer) }
    }
    let count = try read.get()
    guard count > 0 else { return nil }
    return chunk.withUnsafeBufferPointer { Data(buffer: UnsafeBufferPointer(rebasing: $0[..<count])) }
  }
}
