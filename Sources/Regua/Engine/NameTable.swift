/// Names to indices (a cadence's step ids, its channels), built once per cadence.
///
/// Reading a history looks up every entry's step id and channel. Names are first told apart by
/// their length in UTF-8 bytes, which a string knows without reading it; when few names share a
/// length (a cadence's ids usually do not), comparing with those few is all a lookup costs —
/// short strings compare as two machine words. Otherwise an FNV-1a hash of the bytes into an
/// open-addressed table finds the name, still far cheaper than `Dictionary`'s seeded SipHash.
/// The first of equal names wins.
struct NameTable: Sendable {
  private let ids: [String]
  /// Open addressing: an index into `ids`, or -1 for an empty slot.
  private let slots: [Int]
  private let mask: Int
  /// Indices of the names with each length below ``shortLength``, by length: those of length
  /// `n` are `byLength[lengthStarts[n]..<lengthStarts[n + 1]]`.
  private let byLength: [Int]
  private let lengthStarts: [Int]
  /// Whether every length bucket is small enough to search by comparing.
  private let comparesByLength: Bool

  private static let shortLength = 64
  private static let bucketLimit = 6

  init(_ ids: [String]) {
    var capacity = 8
    while capacity < ids.count * 2 { capacity *= 2 }
    var slots = Array(repeating: -1, count: capacity)
    let mask = capacity - 1
    for (index, id) in ids.enumerated() {
      var slot = NameTable.hash(id) & mask
      var duplicate = false
      while slots[slot] >= 0 {
        if ids[slots[slot]] == id {
          duplicate = true
          break
        }
        slot = (slot + 1) & mask
      }
      if !duplicate { slots[slot] = index }
    }
    self.ids = ids
    self.slots = slots
    self.mask = mask
    var starts = Array(repeating: 0, count: NameTable.shortLength + 1)
    var short: [Int] = []
    for index in slots where index >= 0 && ids[index].utf8.count < NameTable.shortLength { short.append(index) }
    short.sort { (ids[$0].utf8.count, $0) < (ids[$1].utf8.count, $1) }
    for index in short { starts[ids[index].utf8.count + 1] += 1 }
    for length in 0..<NameTable.shortLength { starts[length + 1] += starts[length] }
    byLength = short
    lengthStarts = starts
    comparesByLength =
      (0..<NameTable.shortLength).allSatisfy { starts[$0 + 1] - starts[$0] <= NameTable.bucketLimit }
      && ids.allSatisfy { $0.utf8.count < NameTable.shortLength }
  }

  /// The index of the first name equal to `id`, or `nil`.
  func index(of id: String) -> Int? {
    if comparesByLength {
      let length = id.utf8.count
      guard length < NameTable.shortLength else { return nil }
      for position in lengthStarts[length]..<lengthStarts[length + 1] where ids[byLength[position]] == id {
        return byLength[position]
      }
      return nil
    }
    var slot = NameTable.hash(id) & mask
    while slots[slot] >= 0 {
      if ids[slots[slot]] == id { return slots[slot] }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// FNV-1a (64-bit) of the UTF-8 bytes, as a non-negative `Int`.
  static func hash(_ text: String) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    let contiguous: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
      for byte in bytes {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01b3
      }
    }
    if contiguous == nil {
      for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01b3
      }
    }
    return Int(truncatingIfNeeded: hash >> 1)
  }
}
