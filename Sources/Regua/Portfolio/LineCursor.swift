import Foundation

/// The bytes a line sequence reads, and the host channels its documents may name.
struct LineSource: Sendable {
  enum Storage: Sendable {
    case data(Data)
    case bytes([UInt8])
  }

  let storage: Storage
  let hostChannels: Set<String>

  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    switch storage {
    case .data(let data): data.withUnsafeBytes { body($0.bindMemory(to: UInt8.self)) }
    case .bytes(let bytes): bytes.withUnsafeBufferPointer(body)
    }
  }
}

/// Where a line sequence is: the next line's start and the lines counted so far.
struct LineCursor {
  private var position = 0
  private var number = 0

  /// The next line that is not blank, read, with its number (never `.blank`); `nil` after the
  /// last.
  mutating func next(in source: LineSource) -> (Int, JSONLines.Outcome)? {
    var position = self.position
    var number = self.number
    let hostChannels = source.hostChannels
    let element = source.withBytes { bytes -> (Int, JSONLines.Outcome)? in
      while position < bytes.count {
        let end = JSONLines.newline(in: bytes, from: position) ?? bytes.count
        let line = JSONLines.content(in: bytes, from: position, to: end)
        position = end + 1
        number += 1
        let outcome = JSONLines.read(line, number: number, hostChannels: hostChannels)
        if case .blank = outcome { continue }
        return (number, outcome)
      }
      return nil
    }
    self.position = position
    self.number = number
    return element
  }
}
