/// What one invoice owes, day by day: the one calculation of amounts owed that conditions, plans,
/// explanations and simulations read.
///
/// Amounts change on a few days (a payment, a charge counted) and, between those days, can only
/// grow (interest accrues). The timeline keeps those days — its *knots* — sorted, with the
/// amounts at the end of each, so that the amount on any day is a binary search away, and the
/// days a comparison with an amount holds can be found stretch by stretch without walking the
/// days in between.
///
/// Days are counted since the epoch; `Int.max` means "never".
struct AmountsTimeline: Sendable {
  /// The amount invoiced, in minor units.
  let invoiced: Int64
  /// The invoice's currency.
  let currency: Currency
  /// The days amounts jump, sorted and unique, each with the amounts at the end of that day.
  private let knots: [Knot]

  /// A day amounts jump, and what is owed at its end.
  private struct Knot: Sendable {
    var day: Int
    var owed: Owed
  }

  /// The components owed at the end of a day, in minor units, exact until reported.
  struct Owed: Sendable, Hashable {
    var principal: Int64
  }

  /// A quantity conditions read.
  enum Quantity: Sendable, Hashable {
    /// What settles the invoice (`balance`).
    case total
    /// The principal still open (`principal`).
    case principal
  }

  /// The timeline of an invoice with no charges: the amount invoiced less the payments.
  ///
  /// - Parameters:
  ///   - invoiced: The amount invoiced.
  ///   - payments: The payments, in any order; amounts of zero change nothing.
  init(invoiced: Money, payments: [Payment]) {
    self.invoiced = invoiced.minorUnits
    currency = invoiced.currency
    var knots: [Knot] = []
    if !payments.isEmpty {
      // One knot per payment, holding the amount paid, then sorted and folded in place into one
      // knot per day holding the principal left.
      knots.reserveCapacity(payments.count)
      for payment in payments where payment.amount.minorUnits > 0 {
        knots.append(Knot(day: payment.date.daysSinceEpoch, owed: Owed(principal: payment.amount.minorUnits)))
      }
      if knots.count > 1 { knots.sort { $0.day < $1.day } }
      var principal = Swift.max(0, invoiced.minorUnits)
      var count = 0
      for index in knots.indices {
        let paid = knots[index].owed.principal
        principal = paid >= principal ? 0 : principal - paid
        if count > 0, knots[count - 1].day == knots[index].day {
          knots[count - 1].owed.principal = principal
        } else {
          knots[count] = Knot(day: knots[index].day, owed: Owed(principal: principal))
          count += 1
        }
      }
      knots.removeLast(knots.count - count)
    }
    self.knots = knots
  }

  /// The number of knots on or before `day`.
  private func knotsThrough(_ day: Int) -> Int {
    var low = 0
    var high = knots.count
    while low < high {
      let middle = (low + high) / 2
      if knots[middle].day <= day { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The exact amounts owed at the end of `day`.
  private func state(at day: Int) -> Owed {
    let count = knotsThrough(day)
    return count == 0 ? Owed(principal: Swift.max(0, invoiced)) : knots[count - 1].owed
  }

  /// A quantity at the end of `day`, in minor units.
  func value(_ quantity: Quantity, at day: Int) -> Int64 {
    let owed = state(at: day)
    switch quantity {
    case .total, .principal: return owed.principal
    }
  }

  /// What settles the invoice at the end of `day` (`balance`), in minor units.
  func total(at day: Int) -> Int64 { value(.total, at: day) }

  /// The amounts owed at the end of `day`, component by component.
  func owed(at day: Int) -> AmountsOwed {
    AmountsOwed(principal: Money(minorUnits: state(at: day).principal, currency: currency))
  }

  /// The first knot after `day`: from `day` up to the day before it, amounts only grow.
  /// `Int.max` when none.
  func nextKnot(after day: Int) -> Int {
    let count = knotsThrough(day)
    return count < knots.count ? knots[count].day : .max
  }

  /// Whether a quantity can grow between `day` and the next knot (interest accrues); when not,
  /// it keeps its value until the next knot.
  func accrues(_ quantity: Quantity, at day: Int) -> Bool { false }

  /// The first day on or after `day`, and not after `last`, on which `quantity OP x` holds,
  /// where `order` compares a value with `x` (-1, 0 or 1); `Int.max` when none.
  ///
  /// Between knots the quantity only grows, so within each stretch the test holds on its first
  /// day, or (for `>`, `>=`, `==`, `!=`) from the first day the quantity reaches `x`, found by a
  /// binary search over the days; the stretches are visited in order. Costs O(knots × log days)
  /// at most, O(log knots) when the first stretch answers.
  func firstDay(
    _ quantity: Quantity, from day: Int, through last: Int = .max, where op: ComparisonOperator,
    _ order: (Int64) -> Int
  ) -> Int {
    var start = day
    while start <= last {
      if op.accepts(order(value(quantity, at: start))) { return start }
      let end = Swift.min(nextKnot(after: start), last == .max ? .max : last + 1)
      if accrues(quantity, at: start), op != .less, op != .lessOrEqual {
        // The first day in (start, end) on which the value reaches x (or passes it, for `>`
        // and `!=`), if any; the test holds there or nowhere in the stretch.
        let strict = op == .greater || op == .notEqual
        var (low, high) = (start + 1, end)
        while low < high {
          let middle = low + (high - low) / 2
          let compared = order(value(quantity, at: middle))
          if strict ? compared > 0 : compared >= 0 { high = middle } else { low = middle + 1 }
        }
        if low < end, op.accepts(order(value(quantity, at: low))) { return low }
      }
      if end == .max { break }
      start = end
    }
    return .max
  }
}
