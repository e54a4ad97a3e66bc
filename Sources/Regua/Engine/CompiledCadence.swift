/// A cadence laid out once for evaluation: steps as arrays of small integers, channels numbered,
/// limits grouped by the channel they count, and every condition compiled into one program.
///
/// Built when an ``Evaluator`` is created and shared, read-only, by all its evaluations.
struct CompiledCadence: Sendable {
  let cadence: Cadence
  /// The steps in date order, per anchor.
  let order: StepOrder
  /// Step ids to declaration indices (the first step with an id wins).
  let stepIDs: NameTable
  /// Per step: its channel's number, -1 for non-contact steps.
  let stepChannels: [Int]
  /// Per step: its contact channel as plans carry it, `nil` for non-contact steps.
  let contactChannels: [Channel?]
  /// Per step: the numbers of its `fallback` channels, in order (empty for most).
  let stepFallbacks: [[Int]]
  /// Whether some step has a `fallback`: only then can a customer's channels change a step's.
  let hasFallbacks: Bool
  /// Per channel number: the channel, ``otherChannel`` excluded.
  let channelsByNumber: [Channel]
  /// The `after conversation wait` lines: their days and the channel number each holds (-1 for
  /// every contact channel).
  let waits: [(days: Int, channel: Int)]
  /// Per step: whether it is a `write off`.
  let writesOff: [Bool]
  /// Channel numbers by name: every step channel and every channel a limit names.
  let channelNumbers: NameTable
  /// The number given to contacts on channels the cadence does not name (only `any` limits
  /// count them).
  let otherChannel: Int
  /// How many channel numbers there are, ``otherChannel`` included.
  var channelCount: Int { otherChannel + 1 }
  /// Per channel number: the limits that name it.
  let channelLimits: [[Int]]
  /// The `limit any` lines.
  let anyLimits: [Int]
  /// Every condition of the cadence.
  let program: ConditionProgram
  /// Holds when collection stops: paid, a closed status, a `write off` in the history, or a
  /// `stop when` rule.
  let stopRoot: Int
  /// The `stop when` rules' roots, in order.
  let stopRules: [Int]
  /// Holds when a `pause when` rule holds.
  let pauseRoot: Int
  /// The `pause when` rules' roots, in order.
  let pauseRules: [Int]
  /// Per step: the root of its `when`, -1 when it has none.
  let whenRoots: [Int]
  /// Per step: the root of its `unless`, -1 when it has none.
  let unlessRoots: [Int]
  /// The cadence's send windows, combined per channel.
  var windows: SendWindows { sharedWindows?.windows ?? .none }
  /// Per channel number: the windows that apply to it, `nil` when it is unrestricted.
  let channelWindows: [ChannelWindows?]
  /// Per channel number: the weekdays it opens, as ``WeekdaySet`` bits (every day when it is
  /// unrestricted): the one test a decision makes.
  let openDays: [UInt8]
  /// Whether the cadence has windows: without, no decision looks at them.
  var hasWindows: Bool { sharedWindows != nil }
  /// The windows as the schedules hold them; `nil` without windows.
  let sharedWindows: SharedWindows?

  /// Lays a cadence out for the calendar it is evaluated with (which tells the windows that
  /// can move a step from those that cannot).
  init(_ cadence: Cadence, calendar: BusinessCalendar = .none) {
    self.cadence = cadence
    let windows = SendWindows(cadence.windows)
    sharedWindows = windows.isEmpty ? nil : SharedWindows(windows)
    order = StepOrder(cadence, windows: windows, calendar: calendar)
    stepIDs = NameTable(cadence.steps.map(\.id))
    var numbers: [String: Int] = [:]
    func number(_ channel: String) -> Int {
      if let number = numbers[channel] { return number }
      numbers[channel] = numbers.count
      return numbers.count - 1
    }
    stepChannels = cadence.steps.map { step in step.channel.map(number) ?? -1 }
    contactChannels = cadence.steps.map { step in step.channel.map(Channel.init(checkedName:)) }
    stepFallbacks = cadence.steps.map { step in step.fallbacks.map { number($0.name) } }
    hasFallbacks = stepFallbacks.contains { !$0.isEmpty }
    writesOff = cadence.steps.map { $0.action.kind == .writeOff }
    let limitChannels = cadence.limits.map { limit in limit.channel.map(number) }
    waits = cadence.conversationWaits.map { wait in (wait.days, wait.channel.map(number) ?? -1) }
    channelNumbers = NameTable(numbers.sorted { $0.value < $1.value }.map(\.key))
    otherChannel = numbers.count
    var channelLimits: [[Int]] = Array(repeating: [], count: numbers.count + 1)
    var anyLimits: [Int] = []
    for (index, channel) in limitChannels.enumerated() {
      if let channel { channelLimits[channel].append(index) } else { anyLimits.append(index) }
    }
    self.channelLimits = channelLimits
    self.anyLimits = anyLimits
    let byNumber = numbers.sorted { $0.value < $1.value }.map { Channel(checkedName: $0.key) }
    channelsByNumber = byNumber
    channelWindows = byNumber.map { windows.windows(for: $0) } + [nil]
    openDays = channelWindows.map { $0?.days.rawValue ?? WeekdaySet.everyDay.rawValue }

    var program = ConditionProgram()
    stopRules = cadence.stopConditions.map { program.compile($0.expression) }
    pauseRules = cadence.pauseConditions.map { program.compile($0.expression) }
    stopRoot = stopRules.reduce(program.add(.closed)) { program.add(.or($0, $1)) }
    pauseRoot = pauseRules.dropFirst().reduce(pauseRules.first ?? program.add(.constant(false))) {
      program.add(.or($0, $1))
    }
    whenRoots = cadence.steps.map { step in step.when.map { program.compile($0.expression) } ?? -1 }
    unlessRoots = cadence.steps.map { step in step.unless.map { program.compile($0.expression) } ?? -1 }
    self.program = program
  }

  /// Whether channel number `channel` opens on a day of the weekday whose ``WeekdaySet`` bit is
  /// `weekdayBit`.
  @inline(__always)
  func opens(_ channel: Int, weekdayBit: UInt8) -> Bool {
    openDays[channel] & weekdayBit != 0
  }

  /// The first day on or after `day` (days since the epoch) on which channel number `channel`
  /// opens: `day` itself when it is unrestricted.
  func nextOpening(_ channel: Int, onOrAfter day: Int) -> Int {
    let days = WeekdaySet(rawValue: openDays[channel])
    guard days != .everyDay else { return day }
    return day.saturatingAdding(days.daysUntilNext(onOrAfter: CivilDate(daysSinceEpoch: day).weekday) ?? 0)
  }

  /// The numbers of the channels among `channels` that the cadence's steps use, sorted; empty
  /// (without allocating) when `channels` is.
  func channelNumbers(of channels: [Channel]) -> [Int] {
    guard !channels.isEmpty else { return [] }
    return channels.compactMap { channelNumbers.index(of: $0.name) }.sorted()
  }
}
