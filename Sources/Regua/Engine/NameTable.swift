/// Names to indices (a cadence's step ids, its channels), found by an FNV-1a hash of the name's
/// UTF-8 bytes.
///
/// Reading a history looks up every entry's step id and channel; for the short names of a
/// cadence, FNV-1a and an open-addressed table cost a fraction of `Dictionary`'s seeded SipHash,
/// and the table is built once per cadence. The first of equal names wins.
struct NameTable: Sendable {
  private let ids: [String]
  /// Open addressing: an index into `ids`, or -1 for an empty slot.
  private let slots: [Int]
  private let mask: Int

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
  }

  /// The index of the first name equal to `id`, or `nil`.
  func index(of id: String) -> Int? {
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
