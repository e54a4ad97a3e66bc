/// What one invoice owes, day by day: the one calculation of amounts owed that conditions, plans,
/// explanations and simulations read.
///
/// Amounts change on a few days (a payment, a fee, a discount starting or ending, interest
/// starting, a charge starting to count) and, between those days, can only grow (interest
/// accrues). The timeline keeps those days — its *knots* — sorted, with the exact amounts at
/// the end of each and what accrues after it, so that the amount on any day is a binary search
/// and a multiplication away, and the days a comparison with an amount holds can be found
/// stretch by stretch without walking the days in between.
///
/// Charges count from the day they were executed (as of a day, only the charge steps executed
/// by then count), but compute from their scheduled dates. So each set of counted charges — a
/// *version*, from one execution day to the next — is its own replay of the invoice's story:
/// fees on the principal open at the start of their day; interest on the principal open at the
/// start of each day, its accrual rounded at each payment; payments paying interest first, then
/// fees, then principal (Código Civil art. 354), a payment under a discount settling
/// payment ÷ (1 − P%) of principal.
///
/// Days are counted since the epoch; `Int.max` means "never". Exact amounts are in parts of a
/// minor unit (``DailyFactors/denominator``), rounded half-up once per reported component.
struct AmountsTimeline: Sendable {
  /// The amount invoiced, in minor units.
  let invoiced: Int64
  /// The invoice's currency.
  let currency: Currency
  /// Version 0's knots: the payments alone, before any charge counts.
  private let base: [Knot]
  /// The later versions, when charges count: one reference, so that an invoice without charges
  /// copies and releases as little as before them.
  private let charged: Charged?
  /// The last day amounts are known; after it, a rate table has no rate or an amount overflows
  /// (``problem`` says which).
  let horizon: Int
  /// Without charges, the total only falls: the first day it is zero (`Int.min` when it always
  /// is, `Int.max` when never), so that "paid" is one comparison. `nil` with charges, whose
  /// recording can make a paid invoice owe again.
  let settledFrom: Int?

  /// The versions of an invoice whose charges count.
  private final class Charged: Sendable {
    /// The days charges start to count, sorted and unique; version `i + 1` counts the charges
    /// counted by `days[i]`.
    let days: [Int]
    /// Per later version, its knots: `versions[i]` is version `i + 1`'s.
    let versions: [[Knot]]
    /// Per later version, the last day it can compute and why not after it.
    let known: [(day: Int, problem: String?)]
    /// The rate tables interest reads, by index.
    let tables: [TableFactors]
    /// The charges replayed, and the story they and the payments make, sorted by day: kept so
    /// that the charges a plan fires add one version rather than a new timeline.
    let charges: [CountedCharge]
    let story: [StoryEvent]

    init(
      days: [Int], versions: [[Knot]], known: [(day: Int, problem: String?)], tables: [TableFactors],
      charges: [CountedCharge], story: [StoryEvent]
    ) {
      self.days = days
      self.versions = versions
      self.known = known
      self.tables = tables
      self.charges = charges
      self.story = story
    }

    /// The first version's day from which amounts are unknown, less one, and why.
    var horizon: (day: Int, problem: String?) {
      var horizon: (day: Int, problem: String?) = (.max, nil)
      for entry in known where entry.day < horizon.day { horizon = entry }
      return horizon
    }
  }

  /// Why amounts are unknown after ``horizon``.
  var problem: String? { charged?.horizon.problem }
  private var versionDays: [Int] { charged?.days ?? [] }
  private var tables: [TableFactors] { charged?.tables ?? [] }

  /// A day amounts jump, and what is owed at its end.
  fileprivate struct Knot: Sendable {
    var day: Int
    var principal: Int64
    /// Fees owed, exact.
    var fees: WideUInt
    /// Interest owed through the end of the day, exact.
    var interest: WideUInt
    /// The fixed daily factors of the interest accruing after the day.
    var perDay: UInt64
    /// The rate tables accruing after the day: one bit per table (at most 64 are read).
    var tables: UInt64
    /// The discount in force from the day to the next knot.
    var discount: Rate
  }

  /// A quantity conditions read.
  enum Quantity: Sendable, Hashable {
    /// What settles the invoice (`balance`).
    case total
    /// The principal still open (`principal`).
    case principal
    /// Fees charged and not paid (`fees`).
    case fees
    /// Interest accrued and not paid (`interest`).
    case interest
  }

  /// The timeline of an invoice with no charges: the amount invoiced less the payments.
  init(invoiced: Money, payments: [Payment]) {
    self.init(invoiced: invoiced, payments: payments, charges: [], tables: [])
  }

  /// The timeline of an invoice and the charges that count for it.
  ///
  /// - Parameters:
  ///   - invoiced: The amount invoiced.
  ///   - payments: The payments, in any order; amounts of zero change nothing.
  ///   - charges: The charge occurrences executed, each with the day it counts from.
  ///   - tables: The rate tables `charges` index.
  init(invoiced: Money, payments: [Payment], charges: [CountedCharge], tables: [TableFactors]) {
    self.invoiced = invoiced.minorUnits
    currency = invoiced.currency
    let principal = Swift.max(0, invoiced.minorUnits)
    base = AmountsTimeline.paymentsOnly(principal, payments)
    guard !charges.isEmpty else {
      charged = nil
      horizon = .max
      settledFrom =
        principal == 0 ? .min : (base.first { $0.principal == 0 }?.day ?? .max)
      return
    }
    settledFrom = nil
    let story = AmountsTimeline.story(charges, payments)
    var days = charges.map(\.counted)
    days.sort()
    var unique = 0
    for day in days where unique == 0 || days[unique - 1] != day {
      days[unique] = day
      unique += 1
    }
    days.removeLast(days.count - unique)
    var versions: [[Knot]] = []
    var known: [(day: Int, problem: String?)] = []
    versions.reserveCapacity(days.count)
    known.reserveCapacity(days.count)
    for day in days {
      let (knots, bound) = AmountsTimeline.version(principal, story, charges, tables, countedBy: day)
      versions.append(knots)
      known.append(bound)
    }
    let charged = Charged(
      days: days, versions: versions, known: known, tables: tables, charges: charges, story: story)
    self.charged = charged
    horizon = charged.horizon.day
  }

  /// A copy of a timeline with other versions.
  private init(_ timeline: AmountsTimeline, charged: Charged) {
    invoiced = timeline.invoiced
    currency = timeline.currency
    base = timeline.base
    settledFrom = nil
    self.charged = charged
    horizon = charged.horizon.day
  }

  /// The timeline with `fired` counting too: the charges a plan fires, each counted from the
  /// plan's day. When that day is on or after every day a charge already counts from (a plan
  /// made after the history it reads), the versions so far are kept and one is added or
  /// replaced; otherwise the timeline is made anew.
  func counting(_ fired: [CountedCharge], payments: [Payment], tables: [TableFactors]) -> AmountsTimeline {
    guard let day = fired.first?.counted else { return self }
    // A charge fired today may be in the history on a later day too (dated after today): it
    // counts once, from today.
    if let charged,
      charged.charges.contains(where: { counted in fired.contains { $0.occurrence == counted.occurrence } })
    {
      return AmountsTimeline(
        invoiced: Money(minorUnits: invoiced, currency: currency), payments: payments,
        charges: charged.charges.filter { counted in !fired.contains { $0.occurrence == counted.occurrence } } + fired,
        tables: tables)
    }
    guard let charged, fired.allSatisfy({ $0.counted == day }), let last = charged.days.last, day >= last else {
      return AmountsTimeline(
        invoiced: Money(minorUnits: invoiced, currency: currency), payments: payments,
        charges: (charged?.charges ?? []) + fired, tables: tables)
    }
    let charges = charged.charges + fired
    var story = charged.story
    AmountsTimeline.tell(fired, from: charged.charges.count, into: &story)
    story.sort { $0.day < $1.day }
    let (knots, bound) = AmountsTimeline.version(
      Swift.max(0, invoiced), story, charges, charged.tables, countedBy: day)
    var (days, versions, known) = (charged.days, charged.versions, charged.known)
    if day == last {
      versions[versions.count - 1] = knots
      known[known.count - 1] = bound
    } else {
      days.append(day)
      versions.append(knots)
      known.append(bound)
    }
    return AmountsTimeline(
      self,
      charged: Charged(
        days: days, versions: versions, known: known, tables: charged.tables, charges: charges, story: story))
  }

  /// One version's knots: the story replayed with the charges counted by `day`, and the last day
  /// it can compute from `day` on (a version is read from its first day on: what it cannot
  /// compute from then on bounds what the timeline knows).
  private static func version(
    _ principal: Int64, _ story: [StoryEvent], _ charges: [CountedCharge], _ tables: [TableFactors],
    countedBy day: Int
  ) -> (knots: [Knot], known: (day: Int, problem: String?)) {
    var replay = Replay(principal: principal, tables: tables)
    replay.run(story, charges, countedBy: day)
    return (replay.knots, (Swift.max(replay.horizon, day - 1), replay.problem))
  }

  /// One dated event of an invoice's story, for a replay: a payment, a charge starting, or a
  /// discount ending (the day after its last).
  fileprivate struct StoryEvent: Sendable {
    enum Kind: UInt8, Sendable {
      case payment, start, discountEnd
    }
    var day: Int
    var kind: Kind
    /// The amount paid, or the charge's index among the replayed charges.
    var value: Int64
  }

  /// The story of `charges` and `payments`, sorted by day.
  private static func story(_ charges: [CountedCharge], _ payments: [Payment]) -> [StoryEvent] {
    var story: [StoryEvent] = []
    story.reserveCapacity(payments.count + charges.count + 1)
    for payment in payments where payment.amount.minorUnits > 0 {
      story.append(StoryEvent(day: payment.date.daysSinceEpoch, kind: .payment, value: payment.amount.minorUnits))
    }
    tell(charges, from: 0, into: &story)
    story.sort { $0.day < $1.day }
    return story
  }

  /// Appends the events of `charges`, numbered from `first`.
  private static func tell(_ charges: [CountedCharge], from first: Int, into story: inout [StoryEvent]) {
    for (offset, charge) in charges.enumerated() {
      let index = Int64(first + offset)
      if case .discount(_, let through) = charge.effect {
        guard through >= charge.scheduled else { continue }
        if through < .max { story.append(StoryEvent(day: through + 1, kind: .discountEnd, value: index)) }
      }
      story.append(StoryEvent(day: charge.scheduled, kind: .start, value: index))
    }
  }

  /// The knots of the payments alone: one per payment day, holding the principal left. One
  /// allocation: a knot per payment holding the amount paid, sorted, then folded in place.
  private static func paymentsOnly(_ invoiced: Int64, _ payments: [Payment]) -> [Knot] {
    var knots: [Knot] = []
    guard !payments.isEmpty else { return knots }
    knots.reserveCapacity(payments.count)
    for payment in payments where payment.amount.minorUnits > 0 {
      knots.append(
        Knot(
          day: payment.date.daysSinceEpoch, principal: payment.amount.minorUnits, fees: .zero, interest: .zero,
          perDay: 0, tables: 0, discount: .zero))
    }
    if knots.count > 1 { knots.sort { $0.day < $1.day } }
    var principal = invoiced
    var count = 0
    for index in knots.indices {
      let paid = knots[index].principal
      principal = paid >= principal ? 0 : principal - paid
      if count > 0, knots[count - 1].day == knots[index].day {
        knots[count - 1].principal = principal
      } else {
        knots[count] = knots[index]
        knots[count].principal = principal
        count += 1
      }
    }
    knots.removeLast(knots.count - count)
    return knots
  }

  /// The knots of the version in force on `day`.
  private func knots(at day: Int) -> (knots: [Knot], version: Int) {
    guard let charged else { return (base, 0) }
    let version = version(at: day, charged.days)
    return (version == 0 ? base : charged.versions[version - 1], version)
  }

  /// The version in force on `day`.
  private func version(at day: Int, _ days: [Int]) -> Int {
    var low = 0
    var high = days.count
    while low < high {
      let middle = (low + high) / 2
      if days[middle] <= day { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The number of a version's knots on or before `day`.
  private static func knotsThrough(_ knots: [Knot], _ day: Int) -> Int {
    var low = 0
    var high = knots.count
    while low < high {
      let middle = (low + high) / 2
      if knots[middle].day <= day { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The components owed at the end of `day`, rounded, in minor units; `day` is at most
  /// ``horizon``.
  private func components(at day: Int) -> (principal: Int64, fees: Int64, interest: Int64, discount: Int64) {
    let knots = knots(at: day).knots
    let count = AmountsTimeline.knotsThrough(knots, day)
    guard count > 0 else { return (Swift.max(0, invoiced), 0, 0, 0) }
    let knot = knots[count - 1]
    var interest = knot.interest
    if knot.principal > 0, day > knot.day, knot.perDay != 0 || knot.tables != 0 {
      // Within the horizon the sum is known and fits; saturate rather than ever drop a charge.
      let factors = accrued(perDay: knot.perDay, tables: knot.tables, from: knot.day + 1, through: day)
      interest =
        factors.flatMap { $0.multiplied(by: UInt64(knot.principal)) }.flatMap(interest.adding)
        ?? WideUInt.product(UInt64(Int64.max), DailyFactors.denominator)
    }
    let discount =
      knot.discount == .zero ? 0 : (knot.discount.portion(of: knot.principal, rounding: .halfUp) ?? 0)
    return (knot.principal, AmountsTimeline.rounded(knot.fees), AmountsTimeline.rounded(interest), discount)
  }

  /// The daily factors summed over `first...last`; `nil` when a table has no rate on one of
  /// those days or the sum overflows (beyond the horizon).
  private func accrued(perDay: UInt64, tables active: UInt64, from first: Int, through last: Int) -> WideUInt? {
    AmountsTimeline.accrued(perDay: perDay, tables: active, from: first, through: last, self.tables).value
  }

  static func accrued(
    perDay: UInt64, tables active: UInt64, from first: Int, through last: Int, _ tables: [TableFactors]
  ) -> (value: WideUInt?, uncovered: TableFactors.Uncovered?) {
    guard first <= last else { return (.zero, nil) }
    guard var sum = WideUInt.product(perDay, UInt64(last - first + 1)) as WideUInt? else { return (nil, nil) }
    var bits = active
    while bits != 0 {
      let index = bits.trailingZeroBitCount
      bits &= bits - 1
      switch tables[index].sum(from: first, through: last) {
      case .success(let part):
        guard let total = sum.adding(part) else { return (nil, nil) }
        sum = total
      case .failure(let uncovered):
        return (nil, uncovered)
      }
    }
    return (sum, nil)
  }

  /// Exact parts rounded half-up to minor units (saturating).
  static func rounded(_ parts: WideUInt) -> Int64 {
    parts.divided(by: DailyFactors.denominator, rounding: .halfUp).int64 ?? .max
  }

  /// The principal at the end of `day` when no charge counts: the payments' knots alone.
  @inline(__always)
  private func basePrincipal(at day: Int) -> Int64 {
    let count = AmountsTimeline.knotsThrough(base, day)
    return count == 0 ? Swift.max(0, invoiced) : base[count - 1].principal
  }

  /// A quantity at the end of `day`, in minor units.
  func value(_ quantity: Quantity, at day: Int) -> Int64 {
    if charged == nil { return quantity == .fees || quantity == .interest ? 0 : basePrincipal(at: day) }
    let owed = components(at: Swift.min(day, horizon))
    switch quantity {
    case .total: return AmountsOwed.total(owed.principal, owed.fees, owed.interest, owed.discount)
    case .principal: return owed.principal
    case .fees: return owed.fees
    case .interest: return owed.interest
    }
  }

  /// What settles the invoice at the end of `day` (`balance`), in minor units.
  func total(at day: Int) -> Int64 { value(.total, at: day) }

  /// The amounts owed at the end of `day`, component by component; `day` is at most
  /// ``horizon`` (the evaluation checks it first).
  func owed(at day: Int) -> AmountsOwed {
    if charged == nil { return AmountsOwed(principal: Money(minorUnits: basePrincipal(at: day), currency: currency)) }
    let owed = components(at: Swift.min(day, horizon))
    return AmountsOwed(
      currency: currency, principal: owed.principal, fees: owed.fees, interest: owed.interest,
      discount: owed.discount)
  }

  /// The first day after `day` on which amounts may jump (a knot, or a version starting), or
  /// the day after the horizon: from `day` up to the day before it, amounts only grow.
  /// `Int.max` when none.
  func nextKnot(after day: Int) -> Int {
    let (knots, index) = knots(at: day)
    let count = AmountsTimeline.knotsThrough(knots, day)
    var next = count < knots.count ? knots[count].day : .max
    if let charged, index < charged.days.count { next = Swift.min(next, charged.days[index]) }
    if horizon < .max, day <= horizon { next = Swift.min(next, horizon + 1) }
    return next
  }

  /// Whether a quantity can grow between `day` and the next knot (interest accrues); when not,
  /// it keeps its value until the next knot.
  func accrues(_ quantity: Quantity, at day: Int) -> Bool {
    guard charged != nil, quantity == .total || quantity == .interest else { return false }
    let knots = knots(at: day).knots
    let count = AmountsTimeline.knotsThrough(knots, day)
    guard count > 0 else { return false }
    let knot = knots[count - 1]
    return knot.principal > 0 && (knot.perDay != 0 || knot.tables != 0)
  }

  /// The first day on or after `day`, and not after `last`, on which `quantity OP x` holds,
  /// where `order` compares a value with `x` (-1, 0 or 1); `Int.max` when none.
  ///
  /// Between knots the quantity only grows, so within each stretch the test holds on its first
  /// day, or (for `>`, `>=`, `==`, `!=`) from the first day the quantity reaches `x`, found by a
  /// binary search over the days; the stretches are visited in order. Costs O(knots × log days)
  /// at most, O(log knots) when the first stretch answers. After the horizon amounts are
  /// unknown: the day after it is returned, as the day an evaluation reports why.
  func firstDay(
    _ quantity: Quantity, from day: Int, through last: Int = .max, where op: ComparisonOperator,
    _ order: (Int64) -> Int
  ) -> Int {
    var start = day
    while start <= last {
      if start > horizon { return start }
      if op.accepts(order(value(quantity, at: start))) { return start }
      let end = Swift.min(nextKnot(after: start), last == .max ? .max : last + 1)
      if accrues(quantity, at: start), op != .less, op != .lessOrEqual {
        // The first day in (start, end) on which the value reaches x (or passes it, for `>`
        // and `!=`), if any; the test holds there or nowhere in the stretch.
        let strict = op == .greater || op == .notEqual
        var (low, high) = (start + 1, Swift.min(end, horizon == .max ? .max : horizon + 1))
        let stop = high
        while low < high {
          let middle = low + (high - low) / 2
          let compared = order(value(quantity, at: middle))
          if strict ? compared > 0 : compared >= 0 { high = middle } else { low = middle + 1 }
        }
        if low < stop, op.accepts(order(value(quantity, at: low))) { return low }
      }
      if end == .max { break }
      start = end
    }
    return .max
  }
}

extension AmountsTimeline {
  /// The first day on or after `day`, and not after `last`, on which `a OP b` holds for two
  /// quantities owed (`interest > fees`); `Int.max` when none.
  ///
  /// Within a stretch between knots each quantity keeps its value or grows, so their difference
  /// moves one way (or not at all: `balance` and `interest` grow together). The test is then
  /// constant between the first day the difference reaches zero and the first day it passes
  /// it: the stretch's start and those two days, found by binary search, are the only days to
  /// try.
  func firstDay(
    comparing a: Quantity, _ b: Quantity, from day: Int, through last: Int = .max, where op: ComparisonOperator
  ) -> Int {
    func difference(_ day: Int) -> Int { Int((value(a, at: day) - value(b, at: day)).signum()) }
    var start = day
    while start <= last {
      if start > horizon { return start }
      if op.accepts(difference(start)) { return start }
      let end = Swift.min(nextKnot(after: start), last == .max ? .max : last + 1, horizon == .max ? .max : horizon + 1)
      let direction = (accrues(a, at: start) ? 1 : 0) - (accrues(b, at: start) ? 1 : 0)
      if direction != 0 {
        // The first day in (start, end) on which the difference, moving by `direction`,
        // reaches `target` or passes it.
        func first(reaching target: Int) -> Int {
          var (low, high) = (start + 1, end)
          while low < high {
            let middle = low + (high - low) / 2
            let reached = direction > 0 ? difference(middle) >= target : difference(middle) <= target
            if reached { high = middle } else { low = middle + 1 }
          }
          return low
        }
        for target in direction > 0 ? [0, 1] : [0, -1] {
          let candidate = first(reaching: target)
          if candidate < end, op.accepts(difference(candidate)) { return candidate }
        }
      }
      if end == .max { break }
      start = end
    }
    return .max
  }
}

extension AmountsTimeline {
  /// One step of a derivation, in exact parts of a minor unit (``DailyFactors/denominator``)
  /// where amounts are not yet rounded; `charge` is the charge's occurrence in the schedule.
  enum Event: Sendable {
    /// A fee charged on `day` on the principal then open, before its maximum applies.
    case fee(charge: Int, day: Int, principal: Int64, parts: WideUInt)
    /// The interest of one charge over `first...last` on `principal`; `month` (months since
    /// year 0) for a rate table's stretch, which lies within one month.
    case interest(charge: Int, first: Int, last: Int, principal: Int64, month: Int?, parts: WideUInt)
    /// A payment and what it paid, in minor units: interest, fees, principal settled, and the
    /// part of the payment that went to the principal (less than settled under a discount).
    case payment(day: Int, amount: Int64, interest: Int64, fees: Int64, principal: Int64, paidToPrincipal: Int64)
    /// The discount in force at the end, in minor units.
    case discount(charge: Int, principal: Int64, amount: Int64)
  }

  /// How the amounts owed at the end of `day` follow from the invoice, its payments and the
  /// charges counting by `day`: the same replay the timeline runs, recording each fee, each
  /// stretch of interest, each payment and the discount in force. The owed amounts it returns
  /// are the timeline's for that day.
  static func derivation(
    invoiced: Money, payments: [Payment], charges: [CountedCharge], tables: [TableFactors], through day: Int
  ) -> (events: [Event], owed: AmountsOwed) {
    var replay = Replay(principal: Swift.max(0, invoiced.minorUnits), tables: tables, recording: true)
    replay.run(story(charges, payments), charges, countedBy: day, through: day)
    let owed = replay.finish(through: day, currency: invoiced.currency)
    return (replay.events ?? [], owed)
  }
}

extension AmountsTimeline {
  /// One replay of an invoice's story with a set of charges: the knots, in day order.
  fileprivate struct Replay {
    private(set) var knots: [Knot] = []
    /// The last day the replay could compute, and why not after it.
    private(set) var horizon = Int.max
    private(set) var problem: String?
    private var state: Knot
    private let tables: [TableFactors]
    /// The charges replayed.
    private var charges: [CountedCharge] = []
    /// When deriving: every event so far, and the interest charges accruing (indices of
    /// ``charges``); `nil` for a timeline, which keeps only knots.
    private(set) var events: [Event]?
    private var accruing: [Int] = []

    init(principal: Int64, tables: [TableFactors], recording: Bool = false) {
      state = Knot(
        day: .min, principal: principal, fees: .zero, interest: .zero, perDay: 0, tables: 0, discount: .zero)
      self.tables = tables
      events = recording ? [] : nil
    }

    /// Replays `story` through day `last`, with the charges counted by day `version`.
    mutating func run(
      _ story: [StoryEvent], _ charges: [CountedCharge], countedBy version: Int, through last: Int = .max
    ) {
      self.charges = charges
      var active: [Rate] = []
      var start = 0
      while start < story.count, story[start].day <= last {
        let day = story[start].day
        var end = start + 1
        while end < story.count, story[end].day == day { end += 1 }
        let events = story[start..<end]
        start = end
        // A day whose only events are charges this version does not count changes nothing.
        guard events.contains(where: { $0.kind == .payment || charges[Int($0.value)].counted <= version }) else {
          continue
        }
        guard advance(to: day, events, countedBy: version, discounts: &active) else { return }
        knots.append(state)
      }
      boundAccrual()
    }

    /// When deriving, after ``run(_:_:countedBy:through:)`` through `day`: accrues the interest of
    /// the days since the last knot and notes the discount in force, then returns what is owed
    /// at the end of `day`.
    mutating func finish(through day: Int, currency: Currency) -> AmountsOwed {
      if state.day != .min, state.day < day { _ = accrue(from: state.day + 1, through: day) }
      var discount: Int64 = 0
      if state.discount != .zero {
        discount = state.discount.portion(of: state.principal, rounding: .halfUp) ?? 0
        let source = charges.indices.last { index in
          guard case .discount(let rate, let through) = charges[index].effect else { return false }
          return rate == state.discount && charges[index].scheduled <= day && day <= through
        }
        if let source {
          events?.append(.discount(charge: charges[source].occurrence, principal: state.principal, amount: discount))
        }
      }
      return AmountsOwed(
        currency: currency, principal: state.principal, fees: AmountsTimeline.rounded(state.fees),
        interest: AmountsTimeline.rounded(state.interest), discount: discount)
    }

    /// After the last knot interest accrues without end: the horizon is the first day a rate
    /// table has no rate for, or the day the interest would no longer fit.
    private mutating func boundAccrual() {
      guard state.day != .min, state.principal > 0, state.perDay != 0 || state.tables != 0 else { return }
      var bits = state.tables
      while bits != 0 {
        let index = bits.trailingZeroBitCount
        bits &= bits - 1
        let uncovered = tables[index].firstUncovered(from: state.day + 1)
        if uncovered.day - 1 < horizon {
          horizon = uncovered.day - 1
          problem = uncovered.message
        }
      }
      // Interest in minor units stays below 2^62, so that a total of components always fits:
      // (limit − accrued) ÷ principal ÷ daily factor days at most.
      let limit = WideUInt.product(UInt64(Int64.max / 2), DailyFactors.denominator)
      guard state.perDay != 0, let room = limit.subtracting(state.interest) else { return }
      let days = room.quotientAndRemainder(dividingBy: UInt64(state.principal)).quotient
        .quotientAndRemainder(dividingBy: state.perDay).quotient
      if let days = days.int64, Int(days) < CivilDate.latest.daysSinceEpoch - state.day {
        let last = state.day + Int(days)
        if last < horizon {
          horizon = last
          problem = "the interest no longer fits in an amount"
        }
      }
    }

    /// Moves the state to the end of `day`, whose events are `events`; false (with the horizon
    /// set) when it cannot.
    private mutating func advance(
      to day: Int, _ events: ArraySlice<StoryEvent>, countedBy version: Int, discounts active: inout [Rate]
    ) -> Bool {
      // Interest of the days since the last knot, then of this day with the steps starting on
      // it, each on the principal open at the start of the day.
      if state.day != .min, !accrue(from: state.day + 1, through: day - 1) { return false }
      var paid: Int64 = 0
      for event in events {
        if event.kind == .payment {
          paid = paid.addingReportingOverflow(event.value).overflow ? .max : paid + event.value
          continue
        }
        let index = Int(event.value)
        guard event.kind == .start, charges[index].counted <= version else { continue }
        switch charges[index].effect {
        case .interest(let perDay):
          let (sum, overflow) = state.perDay.addingReportingOverflow(perDay)
          guard !overflow, perDay != .max else { return stop(at: day, "the interest overflows") }
          state.perDay = sum
          if self.events != nil { accruing.append(index) }
        case .tableInterest(let table):
          state.tables |= 1 << UInt64(table)
          if self.events != nil { accruing.append(index) }
        default: continue
        }
      }
      if !accrue(from: day, through: day) { return false }
      state.day = day
      let openPrincipal = state.principal
      var discounts = false
      for event in events where event.kind != .payment {
        let index = Int(event.value)
        guard charges[index].counted <= version else { continue }
        guard case .fee(let percent, let fixed, let maximum) = charges[index].effect else {
          if case .discount = charges[index].effect { discounts = true }
          continue
        }
        guard event.kind == .start else { continue }
        var amount: WideUInt
        if let percent {
          // principal × rate: parts = minor units × millionths × lcm (denominator ÷ 10⁸).
          guard
            let parts = WideUInt.product(UInt64(openPrincipal), UInt64(percent.millionthsOfPercent))
              .multiplied(by: DailyFactors.daysMultiple)
          else { return stop(at: day, "a fee overflows") }
          amount = parts
        } else {
          amount = fixed ?? .zero
        }
        self.events?.append(.fee(charge: charges[index].occurrence, day: day, principal: openPrincipal, parts: amount))
        if let maximum, maximum < amount { amount = maximum }
        guard let fees = state.fees.adding(amount) else { return stop(at: day, "the fees overflow") }
        state.fees = fees
      }
      if discounts {
        for event in events where event.kind == .discountEnd && charges[Int(event.value)].counted <= version {
          guard case .discount(let rate, _) = charges[Int(event.value)].effect else { continue }
          if let index = active.firstIndex(of: rate) { active.remove(at: index) }
        }
        for event in events where event.kind == .start && charges[Int(event.value)].counted <= version {
          guard case .discount(let rate, _) = charges[Int(event.value)].effect else { continue }
          active.append(rate)
        }
        state.discount = active.max() ?? .zero
      }
      if paid > 0 { pay(paid) }
      return true
    }

    /// Adds the interest of `first...last` on the current principal.
    private mutating func accrue(from first: Int, through last: Int) -> Bool {
      guard first <= last, state.principal > 0, state.perDay != 0 || state.tables != 0 else { return true }
      let (factors, uncovered) = AmountsTimeline.accrued(
        perDay: state.perDay, tables: state.tables, from: first, through: last, tables)
      guard let factors else {
        if let uncovered {
          return stop(at: uncovered.day, uncovered.message)
        }
        return stop(at: first, "the interest overflows")
      }
      guard let interest = factors.multiplied(by: UInt64(state.principal)).flatMap(state.interest.adding) else {
        return stop(at: first, "the interest overflows")
      }
      state.interest = interest
      if events != nil { record(from: first, through: last) }
      return true
    }

    /// When deriving: the interest of `first...last` on the current principal, charge by charge,
    /// and a rate table's month by month.
    private mutating func record(from first: Int, through last: Int) {
      let principal = UInt64(state.principal)
      for index in accruing {
        switch charges[index].effect {
        case .interest(let perDay):
          let parts = WideUInt.product(perDay, UInt64(last - first + 1)).multiplied(by: principal) ?? .zero
          events?.append(
            .interest(
              charge: charges[index].occurrence, first: first, last: last, principal: state.principal, month: nil,
              parts: parts))
        case .tableInterest(let table):
          var start = first
          while start <= last {
            let (month, dayOfMonth) = TableFactors.month(of: start)
            let monthEnd = start + CivilDate.daysIn(month: month % 12 + 1, year: month / 12) - dayOfMonth
            let end = Swift.min(last, monthEnd)
            if case .success(let factor) = tables[table].factor(on: start) {
              let parts = WideUInt.product(factor, UInt64(end - start + 1)).multiplied(by: principal) ?? .zero
              events?.append(
                .interest(
                  charge: charges[index].occurrence, first: start, last: end, principal: state.principal, month: month,
                  parts: parts))
            }
            start = end + 1
          }
        default: continue
        }
      }
    }

    /// Applies a payment: interest accrued is rounded, then the payment pays interest, fees,
    /// then principal (under a discount, settling payment ÷ (1 − P%) of it).
    private mutating func pay(_ amount: Int64) {
      var left = amount
      var interest = AmountsTimeline.rounded(state.interest)
      var fees = AmountsTimeline.rounded(state.fees)
      let toInterest = Swift.min(left, interest)
      interest -= toInterest
      left -= toInterest
      let toFees = Swift.min(left, fees)
      fees -= toFees
      left -= toFees
      var settled = left
      if left > 0, state.discount != .zero {
        let remaining = Rate.denominator - UInt64(state.discount.millionthsOfPercent)
        settled =
          WideUInt.product(UInt64(left), Rate.denominator).divided(by: remaining, rounding: .halfUp).int64 ?? .max
      }
      events?.append(
        .payment(
          day: state.day, amount: amount, interest: toInterest, fees: toFees,
          principal: Swift.min(settled, state.principal),
          paidToPrincipal: left))
      state.principal = settled >= state.principal ? 0 : state.principal - settled
      state.interest = WideUInt.product(UInt64(interest), DailyFactors.denominator)
      state.fees = WideUInt.product(UInt64(fees), DailyFactors.denominator)
    }

    /// Ends the replay: amounts are known through the day before `day`.
    private mutating func stop(at day: Int, _ reason: String) -> Bool {
      horizon = day - 1
      problem = reason
      return false
    }
  }
}
