/// An invoice's dated facts laid out to answer "as of day t" in O(log n): the amounts owed,
/// whether it is paid, whether a promise stands, and the first day each of those changes.
///
/// Built once per evaluation. Days are counted since the epoch; `Int.max` means "never" and
/// `Int.min` "always".
struct InvoiceTimeline {
  /// What the invoice owes, day by day.
  private(set) var amounts: AmountsTimeline
  let issued: Int
  /// The effective due date, from which `days-overdue` counts.
  let due: Int
  /// The days a promise stands, `made` through its date (empty without a promise).
  let promiseStart: Int
  let promiseEnd: Int

  init(
    _ invoice: borrowing Invoice, effectiveDue: CivilDate, charges: [CountedCharge] = [], tables: [TableFactors] = []
  ) {
    amounts = AmountsTimeline(invoiced: invoice.amount, payments: invoice.payments, charges: charges, tables: tables)
    issued = invoice.issued.daysSinceEpoch
    due = effectiveDue.daysSinceEpoch
    if let promise = invoice.promise {
      promiseStart = promise.made?.daysSinceEpoch ?? .min
      promiseEnd = promise.date.daysSinceEpoch
    } else {
      promiseStart = .max
      promiseEnd = .min
    }
  }

  /// The invoice's currency.
  var currency: Currency { amounts.currency }

  /// The timeline with `fired` counting too: the charges a plan fires.
  func counting(_ fired: [CountedCharge], payments: [Payment], tables: [TableFactors]) -> InvoiceTimeline {
    var timeline = self
    timeline.amounts = amounts.counting(fired, payments: payments, tables: tables)
    return timeline
  }

  /// `days-overdue` on `day`.
  func daysOverdue(at day: Int) -> Int { day > due ? day.saturatingSubtracting(due) : 0 }

  /// Whether nothing is owed at the end of `day`.
  func isPaid(at day: Int) -> Bool {
    if let settled = amounts.settledFrom { return day >= settled }
    return amounts.total(at: day) == 0
  }

  /// The first day on or after `day`, and not after `last`, on which the invoice is paid
  /// (`paid`: true) or not (`false`); `Int.max` when none.
  func firstDay(paid: Bool, from day: Int, through last: Int = .max) -> Int {
    if let settled = amounts.settledFrom {
      let first = paid ? Swift.max(day, settled) : (day < settled ? day : .max)
      return first <= last ? first : .max
    }
    return amounts.firstDay(.total, from: day, through: last, where: paid ? .lessOrEqual : .greater) {
      $0 > 0 ? 1 : 0
    }
  }

  /// Whether a promise stands on `day` and the invoice is not paid.
  func isPromised(at day: Int) -> Bool { promiseStart <= day && day <= promiseEnd && !isPaid(at: day) }

  /// The first day on or after `day` on which a promise stands and the invoice is not paid
  /// (`promised`: true), or the first on which that is not so (`false`); `Int.max` when none.
  func firstDay(promised: Bool, from day: Int) -> Int {
    if promised {
      let start = Swift.max(day, promiseStart)
      guard start <= promiseEnd else { return .max }
      return firstDay(paid: false, from: start, through: promiseEnd)
    }
    guard promiseStart <= day, day <= promiseEnd else { return day }
    let paid = firstDay(paid: true, from: day, through: promiseEnd)
    return paid != .max ? paid : promiseEnd.saturatingAdding(1)
  }
}
