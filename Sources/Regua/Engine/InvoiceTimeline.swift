/// An invoice's dated facts laid out to answer "as of day t" in O(log n): the balance, whether
/// it is paid, whether a promise stands, and the first day each of those changes.
///
/// Built once per evaluation. Days are counted since the epoch; `Int.max` means "never" and
/// `Int.min` "always".
struct InvoiceTimeline {
  /// The amount invoiced, in minor units.
  let amount: Int64
  /// The invoice's currency.
  let currency: Currency
  let issued: Int
  /// The effective due date, from which `days-overdue` counts.
  let due: Int
  /// Payment days, sorted and unique, each with the total paid up to and including that day.
  private let payments: [(day: Int, paid: Int64)]
  /// The first day the balance is zero, `Int.max` when never.
  let paidDay: Int
  /// The days a promise stands, `made` through its date (empty without a promise).
  let promiseStart: Int
  let promiseEnd: Int

  init(_ invoice: borrowing Invoice, effectiveDue: CivilDate) {
    amount = invoice.amount.minorUnits
    currency = invoice.amount.currency
    issued = invoice.issued.daysSinceEpoch
    due = effectiveDue.daysSinceEpoch
    var payments: [(day: Int, paid: Int64)] = []
    if !invoice.payments.isEmpty {
      payments.reserveCapacity(invoice.payments.count)
      for payment in invoice.payments where payment.amount.minorUnits > 0 {
        payments.append((payment.date.daysSinceEpoch, payment.amount.minorUnits))
      }
      if payments.count > 1 { payments.sort { $0.day < $1.day } }
      var merged = 0
      var total: Int64 = 0
      for index in payments.indices {
        let (sum, overflow) = total.addingReportingOverflow(payments[index].paid)
        total = overflow ? .max : sum
        if merged > 0, payments[merged - 1].day == payments[index].day {
          payments[merged - 1].paid = total
        } else {
          payments[merged] = (payments[index].day, total)
          merged += 1
        }
      }
      payments.removeLast(payments.count - merged)
    }
    self.payments = payments
    let owed = amount
    var paidDay = owed <= 0 ? Int.min : Int.max
    if paidDay == .max, let first = payments.firstIndex(where: { $0.paid >= owed }) { paidDay = payments[first].day }
    self.paidDay = paidDay
    if let promise = invoice.promise {
      promiseStart = promise.made?.daysSinceEpoch ?? .min
      promiseEnd = promise.date.daysSinceEpoch
    } else {
      promiseStart = .max
      promiseEnd = .min
    }
  }

  /// The balance at the end of `day`, in minor units: the amount less the payments dated on or
  /// before it, never below zero.
  func balance(at day: Int) -> Int64 {
    let count = paymentsThrough(day)
    return count == 0 ? Swift.max(0, amount) : remaining(after: payments[count - 1].paid)
  }

  /// The balance at the end of `day`, as money.
  func balanceMoney(at day: Int) -> Money {
    Money(minorUnits: balance(at: day), currency: currency)
  }

  /// The amount less `paid`, never below zero.
  private func remaining(after paid: Int64) -> Int64 {
    let (difference, overflow) = amount.subtractingReportingOverflow(paid)
    return overflow || difference < 0 ? 0 : difference
  }

  /// `days-overdue` on `day`.
  func daysOverdue(at day: Int) -> Int { day > due ? day.saturatingSubtracting(due) : 0 }

  /// Whether a promise stands on `day` and the invoice is not paid.
  func isPromised(at day: Int) -> Bool { promiseStart <= day && day <= promiseEnd && day < paidDay }

  /// The number of distinct payment days on or before `day`.
  private func paymentsThrough(_ day: Int) -> Int {
    var low = 0
    var high = payments.count
    while low < high {
      let middle = (low + high) / 2
      if payments[middle].day <= day { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The first day on which the balance satisfies `accepts`, given that the balance only falls
  /// and `accepts` is monotone (once true, true for every smaller balance); `Int.max` when never.
  func firstDay(whereBalance accepts: (Int64) -> Bool) -> Int {
    if accepts(Swift.max(0, amount)) { return .min }
    var low = 0
    var high = payments.count
    while low < high {
      let middle = (low + high) / 2
      if accepts(remaining(after: payments[middle].paid)) { high = middle } else { low = middle + 1 }
    }
    return low == payments.count ? .max : payments[low].day
  }
}
