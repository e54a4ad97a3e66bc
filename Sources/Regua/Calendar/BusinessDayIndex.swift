/// The business days of one calendar over 1900-01-01 … 2200-12-31, as a bitset with a running
/// count per 64-bit word: whether a day is a business day is one bit test (rank), and the n-th
/// business day after a date is a binary search over the counts then a search inside one word
/// (select).
///
/// Built once per calendar, in microseconds: the weekend pattern is written a word at a time (64
/// days advance the weekday by one, so seven words cover every alignment), then the holidays are
/// cleared and the workdays set. It takes about 21 KB (1,718 words and their counts).
struct BusinessDayIndex: Sendable {
  /// The first indexed day, 1900-01-01, as days since the epoch.
  static let first = CivilDate.daysFromCivil(year: 1900, month: 1, day: 1)
  /// The last indexed day, 2200-12-31, as days since the epoch.
  static let last = CivilDate.daysFromCivil(year: 2200, month: 12, day: 31)
  /// The indexed years.
  static let years = 1900...2200

  /// Bit `i` of word `w` is set when day `first + 64 w + i` is a business day.
  private let words: [UInt64]
  /// How many business days come before each word.
  private let before: [Int32]
  /// How many business days the index holds.
  let total: Int

  /// Indexes the business days of a calendar.
  ///
  /// - Parameters:
  ///   - weekendMask: Bit `n` set when the weekday with ISO number `n + 1` is not a business day.
  ///   - holidays: Days that are not business days (any; those outside the range are ignored).
  ///   - workdays: Days that are business days whatever the other two say.
  init<H: Sequence<CivilDate>, W: Sequence<CivilDate>>(weekendMask: UInt8, holidays: H, workdays: W) {
    let first = BusinessDayIndex.first
    let count = BusinessDayIndex.last - first + 1
    // The word patterns for each weekday of a word's first day (0 = Monday).
    var patterns = [UInt64](repeating: 0, count: 7)
    for start in 0..<7 {
      for bit in 0..<64 where weekendMask & (1 << ((start + bit) % 7)) == 0 {
        patterns[start] |= 1 << UInt64(bit)
      }
    }
    let firstWeekday = (first % 7 + 10) % 7
    var words = (0..<((count + 63) / 64)).map { patterns[(firstWeekday + $0) % 7] }
    let spare = words.count * 64 - count
    if spare > 0 { words[words.count - 1] &= UInt64.max >> UInt64(spare) }
    for day in holidays {
      let offset = day.daysSinceEpoch - first
      guard offset >= 0, offset < count else { continue }
      words[offset >> 6] &= ~(1 << UInt64(offset & 63))
    }
    for day in workdays {
      let offset = day.daysSinceEpoch - first
      guard offset >= 0, offset < count else { continue }
      words[offset >> 6] |= 1 << UInt64(offset & 63)
    }
    var before = [Int32](repeating: 0, count: words.count)
    var running = 0
    for (index, word) in words.enumerated() {
      before[index] = Int32(running)
      running += word.nonzeroBitCount
    }
    self.words = words
    self.before = before
    self.total = running
  }

  /// Whether `day` (days since the epoch) is indexed.
  @inline(__always)
  static func contains(_ day: Int) -> Bool { day >= first && day <= last }

  /// Whether indexed `day` is a business day.
  @inline(__always)
  func isBusinessDay(_ day: Int) -> Bool {
    let offset = day - BusinessDayIndex.first
    return words[offset >> 6] & (1 << UInt64(offset & 63)) != 0
  }

  /// How many business days there are from the first indexed day through `day`, which lies in
  /// `first - 1 … last` (0 for the day before the first).
  func rank(through day: Int) -> Int {
    let offset = day - BusinessDayIndex.first
    guard offset >= 0 else { return 0 }
    let word = offset >> 6
    let bit = offset & 63
    let mask = bit == 63 ? UInt64.max : (1 << UInt64(bit + 1)) - 1
    return Int(before[word]) + (words[word] & mask).nonzeroBitCount
  }

  /// The `k`-th indexed business day (1 is the first), as days since the epoch; `k` lies in
  /// `1 … total`.
  /// The first business day after `day` (days since the epoch, from the day before the index's
  /// first through its last), or `nil` when the index has none after it: a scan of the words from
  /// `day`'s, with no search — what moving a date to the next business day asks, once per step.
  func nextBusinessDay(after day: Int) -> Int? {
    let offset = day - BusinessDayIndex.first + 1
    guard offset >= 0 else { return nil }
    var index = offset >> 6
    guard index < words.count else { return nil }
    var word = words[index] & (UInt64.max << UInt64(offset & 63))
    while word == 0 {
      index += 1
      guard index < words.count else { return nil }
      word = words[index]
    }
    return BusinessDayIndex.first + index * 64 + word.trailingZeroBitCount
  }

  func select(_ k: Int) -> Int {
    // The last word with fewer than k business days before it holds the k-th.
    var low = 0
    var high = before.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if Int(before[middle]) < k { low = middle } else { high = middle - 1 }
    }
    var word = words[low]
    for _ in 0..<(k - Int(before[low]) - 1) { word &= word - 1 }
    return BusinessDayIndex.first + low * 64 + word.trailingZeroBitCount
  }
}
