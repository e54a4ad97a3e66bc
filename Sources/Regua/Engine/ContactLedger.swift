/// The days of the contacts a cadence's limits count — one invoice's, or every invoice's of an
/// account — by channel, sorted, so that a limit's window is counted with two binary searches and
/// its next room found by jumping between contacts. Order-independent by construction.
///
/// When contacts merge (an account's default), one channel's contacts on one day count once:
/// history entries and today's merged action alike.
///
/// Everything lives in one buffer of integers:
/// `[reserved slots | conversation days | channel starts | contact days by channel | every contact
/// day]`; a cadence without limits keeps only the reserved slots and the conversations (which
/// only a cadence with `after conversation wait` keeps). The reserved slots are its owner's (the
/// invoices' ``ExecutionIndex``es), kept in the same buffer so that an evaluation allocates once.
struct ContactLedger {
  private var storage: [Int]
  /// How many reserved slots come first.
  private let reserved: Int
  /// How many conversation days follow them, sorted: the customer's conversations, when the
  /// cadence waits after them (`after conversation wait`); none otherwise.
  private var conversationCount = 0
  private let channelCount: Int
  /// Where every contact day starts, sorted (kept only when the cadence has `limit any`).
  private var allBase: Int
  private let keepsAll: Bool
  /// Whether one channel's contacts on one day count once.
  let countsOncePerDay: Bool
  /// Whether anything is kept: the cadence has limits.
  private let isCounting: Bool
  private var startsBase: Int { reserved + conversationCount }
  private var daysBase: Int { startsBase + channelCount + 1 }
  /// Where the conversation days are in the storage.
  private var conversations: Range<Int> { reserved..<(reserved + conversationCount) }

  /// Collects contacts, in any order, before they are sorted into a ledger.
  struct Builder {
    fileprivate var storage: [Int] = []
    fileprivate let reserved: Int
    fileprivate let channelCount: Int
    fileprivate let isCounting: Bool
    /// The days of the conversations in the history, when the cadence waits after them.
    fileprivate var conversations: [Int] = []
    fileprivate let waitsAfterConversations: Bool

    /// A builder for `compiled`'s channels, with room for about `contacts` contacts, and
    /// `reserved` slots first (each `Int.max` until set).
    init(cadence compiled: borrowing CompiledCadence, contacts: Int, reserving reserved: Int = 0) {
      channelCount = compiled.channelCount
      isCounting = !compiled.cadence.limits.isEmpty
      waitsAfterConversations = !compiled.waits.isEmpty
      self.reserved = reserved
      // Room for the contacts, for the copy `limit any` sorts, and for the ones plans record on
      // top of them, without regrowing.
      storage.reserveCapacity(
        reserved + (isCounting ? channelCount + 1 + contacts * (compiled.anyLimits.isEmpty ? 1 : 2) : 0))
      for _ in 0..<reserved { storage.append(.max) }
      guard isCounting else { return }
      for _ in 0...channelCount { storage.append(0) }
    }

    /// Reserved slot `slot`.
    subscript(reserved slot: Int) -> Int {
      get { storage[slot] }
      set { storage[slot] = newValue }
    }

    /// Adds a conversation with the customer on `day`.
    mutating func addConversation(day: Int) {
      guard waitsAfterConversations else { return }
      conversations.append(day)
    }

    /// Adds a contact on channel number `channel` on `day` (clamped with ``ContactLedger/clamp(_:)``).
    @inline(__always)
    mutating func add(channel: Int, day: Int) {
      guard isCounting else { return }
      storage.append(channel << 32 | (day - ContactLedger.dayBase))
    }
  }

  /// Sorts the contacts `builder` collected, taking its buffer (it is left empty); with
  /// `countsOncePerDay`, one channel's contacts on one day count once.
  init(_ builder: inout Builder, cadence compiled: borrowing CompiledCadence, countsOncePerDay: Bool = false) {
    // Taken, not copied: the builder's buffer is sorted in place.
    var storage: [Int] = []
    swap(&storage, &builder.storage)
    defer {
      // The conversations go right after the reserved slots, once the rest is laid out.
      if !builder.conversations.isEmpty {
        builder.conversations.sort()
        self.storage.insert(contentsOf: builder.conversations, at: reserved)
        conversationCount = builder.conversations.count
        allBase += conversationCount
        builder.conversations = []
      }
    }
    let channelCount = builder.channelCount
    let reserved = builder.reserved
    self.reserved = reserved
    self.channelCount = channelCount
    self.countsOncePerDay = countsOncePerDay
    isCounting = builder.isCounting
    keepsAll = !compiled.anyLimits.isEmpty
    let daysBase = reserved + channelCount + 1
    guard isCounting else {
      self.storage = storage
      allBase = 0
      return
    }
    var count = storage.count - daysBase
    storage.withUnsafeMutableBufferPointer { buffer in
      var keys = UnsafeMutableBufferPointer(rebasing: buffer[daysBase...])
      keys.sort()
      if countsOncePerDay, count > 1 {
        var kept = 1
        for index in 1..<count where keys[index] != keys[kept - 1] {
          keys[kept] = keys[index]
          kept += 1
        }
        count = kept
      }
      for index in 0..<count {
        buffer[reserved + (keys[index] >> 32) + 1] += 1
        keys[index] = (keys[index] & 0xFFFF_FFFF) + ContactLedger.dayBase
      }
    }
    storage.removeLast(storage.count - daysBase - count)
    for channel in 0..<channelCount { storage[reserved + channel + 1] += storage[reserved + channel] }
    allBase = daysBase + count
    if keepsAll {
      for index in daysBase..<(daysBase + count) { storage.append(storage[index]) }
      storage.withUnsafeMutableBufferPointer { buffer in
        var all = UnsafeMutableBufferPointer(rebasing: buffer[(daysBase + count)...])
        all.sort()
      }
    }
    self.storage = storage
  }

  /// The first day on or after `day` on which no `after conversation wait` line holds contacts
  /// on channel number `channel`: `day` itself when none does.
  func endOfWaits(channel: Int, from day: Int, cadence compiled: borrowing CompiledCadence) -> Int {
    guard conversationCount > 0, channel >= 0 else { return day }
    var day = day
    var moved = true
    while moved {
      moved = false
      for wait in compiled.waits where wait.channel < 0 || wait.channel == channel {
        // The latest conversation on or before `day` holds it for `days` days from its own.
        let at = ContactLedger.upperBound(day, in: storage, conversations)
        guard at > conversations.lowerBound else { continue }
        let end = storage[at - 1].saturatingAdding(wait.days)
        if end > day {
          day = end
          moved = true
        }
      }
    }
    return day
  }

  /// The latest conversation on or before `day`, and the wait that holds channel number
  /// `channel` on `day` the longest; `nil` when none does.
  func heldBy(channel: Int, on day: Int, cadence compiled: borrowing CompiledCadence) -> (
    conversation: Int, wait: Int
  )? {
    guard conversationCount > 0, channel >= 0 else { return nil }
    let at = ContactLedger.upperBound(day, in: storage, conversations)
    guard at > conversations.lowerBound else { return nil }
    let conversation = storage[at - 1]
    var held: (conversation: Int, wait: Int)?
    for (index, wait) in compiled.waits.enumerated() where wait.channel < 0 || wait.channel == channel {
      guard conversation.saturatingAdding(wait.days) > day else { continue }
      if let current = held, compiled.waits[current.wait].days >= wait.days { continue }
      held = (conversation, index)
    }
    return held
  }

  /// Days sort below `2^32` once shifted by this: every representable date, with a margin.
  private static let dayBase = CivilDate.earliest.daysSinceEpoch - 2

  /// A history entry's day, kept within a margin of the representable dates.
  static func clamp(_ day: Int) -> Int {
    Swift.min(Swift.max(day, CivilDate.earliest.daysSinceEpoch - 1), CivilDate.latest.daysSinceEpoch + 1)
  }

  /// How many integers the ledger holds: the reserved slots, and as many as the channels and
  /// contacts.
  var storedCount: Int { storage.count }

  /// Reserved slot `slot`.
  subscript(reserved slot: Int) -> Int {
    @inline(__always) get { storage[slot] }
    set { storage[slot] = newValue }
  }

  /// Records a contact on channel number `channel` on `day` (the host carrying out a plan). When
  /// contacts count once a day, one already there on that channel and day absorbs it.
  mutating func record(channel: Int, on day: Int) {
    guard isCounting, channel >= 0 else { return }
    let range = channelRange(channel)
    let at = ContactLedger.upperBound(day, in: storage, range)
    if countsOncePerDay, at > range.lowerBound, storage[at - 1] == day { return }
    storage.insert(day, at: at)
    for later in (channel + 1)...channelCount { storage[startsBase + later] += 1 }
    allBase += 1
    if keepsAll {
      storage.insert(day, at: ContactLedger.upperBound(day, in: storage, allBase..<storage.count))
    }
  }

  /// Whether a contact on channel number `channel` on `day` is already counted.
  func contains(channel: Int, on day: Int) -> Bool {
    guard isCounting, channel >= 0 else { return false }
    let range = channelRange(channel)
    let at = ContactLedger.upperBound(day, in: storage, range)
    return at > range.lowerBound && storage[at - 1] == day
  }

  private func channelRange(_ channel: Int) -> Range<Int> {
    (daysBase + storage[startsBase + channel])..<(daysBase + storage[startsBase + channel + 1])
  }

  /// How many contacts a limit counts in the days `first...last`.
  func count(_ limit: ContactLimit, channel: Int, from first: Int, through last: Int) -> Int {
    guard isCounting else { return 0 }
    let range = scope(limit, channel: channel)
    return ContactLedger.upperBound(last, in: storage, range)
      - ContactLedger.upperBound(first.saturatingSubtracting(1), in: storage, range)
  }

  /// The first day on or after `day` on which every limit counting channel `channel` has room
  /// for one more contact — or, when contacts count once a day, on which one on that channel is
  /// already counted, so that another counts once together with it; `Int.max` when none.
  func nextRoom(channel: Int, from day: Int, cadence compiled: borrowing CompiledCadence) -> Int {
    let room = nextRoomInLimits(channel: channel, from: day, cadence: compiled)
    guard countsOncePerDay, isCounting, channel >= 0, room > day else { return room }
    let range = channelRange(channel)
    let at = ContactLedger.upperBound(day.saturatingSubtracting(1), in: storage, range)
    return at < range.upperBound ? Swift.min(room, storage[at]) : room
  }

  /// The first day on or after `day` on which every limit counting channel `channel` has room
  /// for one more contact; `Int.max` when none.
  private func nextRoomInLimits(channel: Int, from day: Int, cadence compiled: borrowing CompiledCadence) -> Int {
    var day = day
    var moved = true
    while moved {
      moved = false
      for index in compiled.channelLimits[channel] {
        let room = nextRoom(compiled.cadence.limits[index], channel: channel, from: day)
        if room != day { (day, moved) = (room, true) }
        if day == .max { return .max }
      }
      for index in compiled.anyLimits {
        let room = nextRoom(compiled.cadence.limits[index], channel: channel, from: day)
        if room != day { (day, moved) = (room, true) }
        if day == .max { return .max }
      }
    }
    return day
  }

  /// The first day on or after `day` on which `limit` counts fewer than its maximum (for
  /// `limit any`, `channel` is not read).
  ///
  /// On a day `t` the limit is full when its N-th most recent contact up to `t` is inside the
  /// window `t-M+1...t`; the earliest escape is the day after that contact leaves the window,
  /// unless a later contact enters first, in which case the search goes on from there. Every
  /// round moves past at least one contact, so the cost is bounded by the contacts in the way.
  func nextRoom(_ limit: ContactLimit, channel: Int, from day: Int) -> Int {
    guard limit.count > 0 else { return .max }
    guard limit.days > 0, isCounting else { return day }
    let range = scope(limit, channel: channel)
    var day = day
    while true {
      let through = ContactLedger.upperBound(day, in: storage, range)
      if through - range.lowerBound < limit.count { return day }
      let nth = storage[through - limit.count]
      if nth <= day.saturatingSubtracting(limit.days) { return day }
      day = nth.saturatingAdding(limit.days)
      if day == .max { return .max }
    }
  }

  private func scope(_ limit: ContactLimit, channel: Int) -> Range<Int> {
    limit.channel == nil ? allBase..<storage.count : channelRange(channel)
  }

  /// The index of the first element `> value` in a sorted range of `array`.
  static func upperBound(_ value: Int, in array: [Int], _ range: Range<Int>) -> Int {
    var low = range.lowerBound
    var high = range.upperBound
    while low < high {
      let middle = (low + high) / 2
      if array[middle] <= value { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
