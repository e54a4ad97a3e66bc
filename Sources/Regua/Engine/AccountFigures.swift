/// One quantity of the account that conditions read (`account.balance`…), day by day.
///
/// Each is computed over the account's invoices in the evaluated invoice's currency: the
/// evaluated invoice itself, whose facts are the condition inputs' own, and its **peers**. An
/// invoice is *open* on `d` when it is issued on or before `d`, not stopped for good (a
/// `cancelled` or `written-off` status, a `write off` step in its history) and owes more than
/// zero at the end of `d`; *overdue* when it is open and `d` is after its effective due date.
enum AccountQuantity: Sendable, Hashable {
  case balance, overdueBalance, openInvoices, overdueInvoices, oldestDaysOverdue

  init?(_ field: Field) {
    switch field {
    case .accountBalance: self = .balance
    case .accountOverdueBalance: self = .overdueBalance
    case .accountOpenInvoices: self = .openInvoices
    case .accountOverdueInvoices: self = .overdueInvoices
    case .accountOldestDaysOverdue: self = .oldestDaysOverdue
    default: return nil
    }
  }

  /// Whether the quantity is an amount in minor units (else a whole number).
  var isMoney: Bool { self == .balance || self == .overdueBalance }
}

/// Another invoice of the account, as the account fields read it: its dated facts and the first
/// day it is stopped for good.
struct AccountPeer: Sendable {
  let timeline: InvoiceTimeline
  let closedDay: Int
}

/// The values of the account fields on one day, for explanations.
public struct AccountValues: Sendable, Hashable {
  /// `account.balance`.
  public var balance: Money
  /// `account.overdue-balance`.
  public var overdueBalance: Money
  /// `account.open-invoices`.
  public var openInvoices: Int
  /// `account.overdue-invoices`.
  public var overdueInvoices: Int
  /// `account.oldest-days-overdue`.
  public var oldestDaysOverdue: Int

  /// Records the values.
  public init(balance: Money, overdueBalance: Money, openInvoices: Int, overdueInvoices: Int, oldestDaysOverdue: Int) {
    self.balance = balance
    self.overdueBalance = overdueBalance
    self.openInvoices = openInvoices
    self.overdueInvoices = overdueInvoices
    self.oldestDaysOverdue = oldestDaysOverdue
  }
}

extension ConditionInputs {
  /// Calls `body` with each invoice the account fields read: this one, then the others.
  private func forEachMember(_ body: (borrowing InvoiceTimeline, Int) -> Void) {
    body(timeline, closedDay)
    for index in peers.indices where index != peerSelf { body(peers[index].timeline, peers[index].closedDay) }
  }

  /// An account quantity at the end of `day`: minor units for amounts, a count or days else.
  func accountValue(_ quantity: AccountQuantity, at day: Int) -> Int64 {
    var value = 0
    forEachMember { timeline, closedDay in
      guard day >= timeline.issued, day < closedDay else { return }
      let total = Int(timeline.amounts.total(at: day))
      guard total > 0 else { return }
      let overdue = day > timeline.due
      switch quantity {
      case .balance: value = value.saturatingAdding(total)
      case .overdueBalance: if overdue { value = value.saturatingAdding(total) }
      case .openInvoices: value += 1
      case .overdueInvoices: if overdue { value += 1 }
      case .oldestDaysOverdue:
        if overdue { value = Swift.max(value, day.saturatingSubtracting(timeline.due)) }
      }
    }
    return Int64(value)
  }

  /// Every account field on `day`, in one pass.
  func accountValues(at day: Int) -> AccountValues {
    var (balance, overdueBalance, open, overdue, oldest) = (0, 0, 0, 0, 0)
    forEachMember { timeline, closedDay in
      guard day >= timeline.issued, day < closedDay else { return }
      let total = Int(timeline.amounts.total(at: day))
      guard total > 0 else { return }
      balance = balance.saturatingAdding(total)
      open += 1
      guard day > timeline.due else { return }
      overdueBalance = overdueBalance.saturatingAdding(total)
      overdue += 1
      oldest = Swift.max(oldest, day.saturatingSubtracting(timeline.due))
    }
    let currency = timeline.currency
    return AccountValues(
      balance: Money(minorUnits: Int64(balance), currency: currency),
      overdueBalance: Money(minorUnits: Int64(overdueBalance), currency: currency), openInvoices: open,
      overdueInvoices: overdue, oldestDaysOverdue: oldest)
  }

  /// The first day after `day` on which some member's facts may jump — it is issued, falls
  /// overdue, is stopped, or its amounts jump — or the day after the earliest horizon: from
  /// `day` to the day before it, every account quantity keeps its value or grows.
  private func accountKnot(after day: Int) -> Int {
    var next = Int.max
    forEachMember { timeline, closedDay in
      if timeline.issued > day { next = Swift.min(next, timeline.issued) }
      if timeline.due >= day { next = Swift.min(next, timeline.due.saturatingAdding(1)) }
      if closedDay > day { next = Swift.min(next, closedDay) }
      next = Swift.min(next, timeline.amounts.nextKnot(after: day))
    }
    return next
  }

  /// The last day every member's amounts are known.
  private var accountHorizon: Int {
    var horizon = Int.max
    forEachMember { timeline, _ in horizon = Swift.min(horizon, timeline.amounts.horizon) }
    return horizon
  }

  /// Whether the quantity can grow between `day` and the next knot.
  private func accountGrows(_ quantity: AccountQuantity, at day: Int) -> Bool {
    var grows = false
    forEachMember { timeline, closedDay in
      guard !grows, day >= timeline.issued, day < closedDay, timeline.amounts.total(at: day) > 0 else { return }
      let overdue = day > timeline.due
      switch quantity {
      case .balance: grows = timeline.amounts.accrues(.total, at: day)
      case .overdueBalance: grows = overdue && timeline.amounts.accrues(.total, at: day)
      case .oldestDaysOverdue: grows = overdue
      case .openInvoices, .overdueInvoices: break
      }
    }
    return grows
  }

  /// The first day on or after `day` on which `quantity OP x` holds, where `order` compares a
  /// value with `x` (-1, 0 or 1); `Int.max` when none.
  ///
  /// Between the members' knots every account quantity keeps its value or grows (interest
  /// accrues, days overdue count up), so, as for one invoice's amounts
  /// (``AmountsTimeline/firstDay(_:from:through:where:_:)``), each stretch is decided at its
  /// first day or at the first day the quantity reaches `x`, found by binary search. After the
  /// horizon amounts are unknown: the day after it is returned, as the day an evaluation
  /// reports why.
  func firstAccountDay(
    _ quantity: AccountQuantity, from day: Int, where op: ComparisonOperator, _ order: (Int64) -> Int
  ) -> Int {
    let horizon = accountHorizon
    var start = day
    while true {
      if start > horizon { return start }
      if op.accepts(order(accountValue(quantity, at: start))) { return start }
      let end = accountKnot(after: start)
      if op != .less, op != .lessOrEqual, accountGrows(quantity, at: start) {
        let strict = op == .greater || op == .notEqual
        var (low, high) = (start + 1, Swift.min(end, horizon == .max ? .max : horizon + 1))
        let stop = high
        while low < high {
          let middle = low + (high - low) / 2
          let compared = order(accountValue(quantity, at: middle))
          if strict ? compared > 0 : compared >= 0 { high = middle } else { low = middle + 1 }
        }
        if low < stop, op.accepts(order(accountValue(quantity, at: low))) { return low }
      }
      if end == .max { return .max }
      start = end
    }
  }
}
