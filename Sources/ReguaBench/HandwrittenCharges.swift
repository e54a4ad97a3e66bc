import Regua

/// What the hand-written charges baseline decides for one invoice on one date: the actions that
/// fire, `next` and the balance, the part of an ``ActionPlan`` the engine must match.
struct HandwrittenChargesPlan: Equatable {
  var actions: [HandwrittenAction]
  var next: CivilDate?
  var balance: HandwrittenBalance
}

/// What is owed at the end of a day, in minor units, as `ActionPlan.balance` breaks it down.
struct HandwrittenBalance: Equatable {
  var principal: Int64
  var fees: Int64
  var interest: Int64
  var discount: Int64
  var total: Int64
}

/// A plain Swift function written for the charges row's cadence alone (`ChargesCadence`:
/// b2b-standard plus `D+1 fee 2%` and `D+1 interest 1% per month`), the way an engineer would
/// write a one-off for that policy: the fourteen steps, conditions, pauses, limits and catch-up
/// hard-coded as in ``HandwrittenB2B``, and the amounts in plain `Int` arithmetic on minor units.
///
/// The conventions of `Documentation/Charges.md`, hard-coded:
/// - amounts are kept exactly in 1/3,000 of a minor unit, where the fee (2% = 60 parts per minor
///   unit of principal) and a day of interest (1%/30 = 1 part) are whole numbers;
/// - the fee is charged on the principal open at the start of D+1, before that day's payments;
/// - interest accrues from D+1 each day on the principal open at the start of the day, a
///   payment's day included;
/// - a payment rounds the fee and interest owed half-up to the minor unit, then pays interest,
///   then the fee, then principal;
/// - a charge counts from the day it is executed (in the history, or fired today for the
///   balance and `next`) and computes from D+1 whatever that day.
///
/// `next` checks, in order, the days on which an input changes — as ``HandwrittenB2B`` does —
/// and, because interest makes the balance grow between them, the first day of each stretch
/// between those days on which the balance reaches 100.00 or 500.00, found by arithmetic.
///
/// It is the benchmark's baseline for the charges row and is checked equal to the engine before
/// it is timed.
enum HandwrittenCharges {
  /// The steps after b2b-standard's twelve (``HandwrittenB2B/stepID(_:)``): the fee and the
  /// interest, both D+1.
  static let fee = 12
  static let interest = 13

  /// The D-anchored steps in scheduled order, declaration order on a day: D-3, D0, the D+1
  /// email, fee and interest, D+7 … D+120.
  static let dueOrder = [1, 2, 3, fee, interest, 4, 5, 6, 7, 8, 9, 10, 11]

  /// Parts of a minor unit amounts are kept in exactly.
  static let parts = 3_000
  /// The fee: 2% of the principal, in parts per minor unit.
  static let feeParts = 60
  /// A day of interest at 1% a month (1/30 of 1% a day), in parts per minor unit.
  static let interestPartsPerDay = 1

  static func stepID(_ step: Int) -> String {
    switch step {
    case fee: return "d+1-fee"
    case interest: return "d+1-interest"
    default: return HandwrittenB2B.stepID(step)
    }
  }

  static func stepIndex(_ id: String) -> Int? {
    switch id {
    case "d+1-fee": return fee
    case "d+1-interest": return interest
    default: return HandwrittenB2B.stepIndex(id)
    }
  }

  /// Parts rounded half-up to minor units.
  static func rounded(_ amount: Int) -> Int { (amount + parts / 2) / parts }

  /// The fired actions, `next` and the balance for `invoice` on `date`.
  static func plan(for invoice: Invoice, on date: CivilDate) -> HandwrittenChargesPlan {
    var state = State(invoice)
    let today = date.daysSinceEpoch
    var fired: [Int] = []
    fired.reserveCapacity(14)
    var actions: [HandwrittenAction] = []
    // Cancelled and written off are for good; paid is not, when a charge executed later (already
    // in the history) counts from its own day.
    var closedToday = false
    if today >= state.issued {
      closedToday = state.closed || state.writeOffDay <= today
      state.decide(on: today, into: &fired)
      if !fired.isEmpty {
        actions.reserveCapacity(fired.count)
        for step in fired {
          actions.append(
            HandwrittenAction(
              step: stepID(step), scheduled: CivilDate(daysSinceEpoch: state.schedule[step]),
              late: today - state.schedule[step]))
        }
        state.record(fired, on: today)
      }
    }
    let next = closedToday ? nil : state.next(after: today, fired: &fired)
    return HandwrittenChargesPlan(actions: actions, next: next, balance: state.owed(at: today).balance)
  }

  /// What is owed at the end of a day: the principal in minor units, the fee and interest exact,
  /// in parts.
  struct Owed {
    var principal: Int
    var fees: Int
    var interest: Int

    /// The total a condition on `balance` reads: the rounded components added.
    var total: Int { principal + HandwrittenCharges.rounded(fees) + HandwrittenCharges.rounded(interest) }

    var balance: HandwrittenBalance {
      let fees = HandwrittenCharges.rounded(self.fees)
      let interest = HandwrittenCharges.rounded(self.interest)
      return HandwrittenBalance(
        principal: Int64(principal), fees: Int64(fees), interest: Int64(interest), discount: 0,
        total: Int64(principal + fees + interest))
    }
  }

  /// The invoice's facts, indexed once.
  struct State {
    let invoice: Invoice
    let issued: Int
    let due: Int
    /// Per step, the scheduled day.
    let schedule: [Int]
    /// Per step, the first day it was executed (`Int.max`: never); for the fee and the interest,
    /// the day they count from.
    var executed: [Int]
    var writeOffDay = Int.max
    /// Days of the contacts `limit call 1 per 7 days` counts.
    var calls: [Int] = []
    /// Days of the contacts `limit any 2 per 3 days` counts.
    var contacts: [Int] = []
    /// The amount invoiced, in minor units.
    let amount: Int
    /// The payments in day order: day and amount in minor units.
    let payments: [(day: Int, amount: Int)]
    /// D+1, the day both charges compute from.
    let chargesStart: Int
    let fiveHundred: Int
    let oneHundred: Int
    let keyAccount: Bool
    let closed: Bool

    init(_ invoice: Invoice) {
      self.invoice = invoice
      issued = invoice.issued.daysSinceEpoch
      due = invoice.due.daysSinceEpoch
      schedule = [
        issued + 14, due - 3, due, due + 1, due + 7, due + 14, due + 15, due + 30, due + 45, due + 60, due + 90,
        due + 120, due + 1, due + 1,
      ]
      chargesStart = due + 1
      executed = [Int](repeating: .max, count: 14)
      for entry in invoice.history {
        let day = entry.date.daysSinceEpoch
        let step = HandwrittenCharges.stepIndex(entry.step)
        var counted = entry.channel != nil
        var isCall = entry.channel == .call
        if let step {
          executed[step] = min(executed[step], day)
          if step == HandwrittenB2B.writeOff { writeOffDay = min(writeOffDay, day) }
          if entry.channel == nil {
            counted = HandwrittenB2B.isContact(step)
            isCall = step == HandwrittenB2B.call
          }
        }
        if counted { contacts.append(day) }
        if isCall { calls.append(day) }
      }
      amount = Int(invoice.amount.minorUnits)
      var payments: [(day: Int, amount: Int)] = []
      payments.reserveCapacity(invoice.payments.count)
      for payment in invoice.payments {
        payments.append((payment.date.daysSinceEpoch, Int(payment.amount.minorUnits)))
      }
      payments.sort { $0.day < $1.day }
      self.payments = payments
      var unit = 1
      for _ in 0..<invoice.currency.minorUnits { unit *= 10 }
      fiveHundred = 500 * unit
      oneHundred = 100 * unit
      keyAccount = invoice.tags.contains("key-account") || invoice.customer.tags.contains("key-account")
      closed = invoice.status == .cancelled || invoice.status == .writtenOff
    }

    /// What is owed at the end of `day`, counting the fee and the interest when they are
    /// executed by then.
    func owed(at day: Int) -> Owed {
      let feeCounts = executed[HandwrittenCharges.fee] <= day
      let interestCounts = executed[HandwrittenCharges.interest] <= day
      var principal = amount
      var fees = 0
      var interest = 0
      var feeCharged = false
      var accruedThrough = chargesStart - 1
      for payment in payments {
        if payment.day > day { break }
        if payment.day >= chargesStart {
          // The fee on the principal open at the start of D+1, then the interest through the
          // payment's day on the principal open at the start of each day.
          if feeCounts, !feeCharged {
            fees = principal * HandwrittenCharges.feeParts
            feeCharged = true
          }
          if interestCounts {
            interest += principal * HandwrittenCharges.interestPartsPerDay * (payment.day - accruedThrough)
            accruedThrough = payment.day
          }
        }
        // Rounded at the payment; interest first, then the fee, then principal.
        var left = payment.amount
        var interestOwed = HandwrittenCharges.rounded(interest)
        var feesOwed = HandwrittenCharges.rounded(fees)
        let toInterest = min(left, interestOwed)
        interestOwed -= toInterest
        left -= toInterest
        let toFees = min(left, feesOwed)
        feesOwed -= toFees
        left -= toFees
        principal = max(0, principal - left)
        interest = interestOwed * HandwrittenCharges.parts
        fees = feesOwed * HandwrittenCharges.parts
      }
      if day >= chargesStart {
        if feeCounts, !feeCharged { fees = principal * HandwrittenCharges.feeParts }
        if interestCounts { interest += principal * HandwrittenCharges.interestPartsPerDay * (day - accruedThrough) }
      }
      return Owed(principal: principal, fees: fees, interest: interest)
    }

    /// The steps that fire on `day`, by scheduled day then declaration order.
    func decide(on day: Int, into fired: inout [Int]) {
      fired.removeAll(keepingCapacity: true)
      if closed || writeOffDay <= day { return }
      let balance = owed(at: day).total
      if balance == 0 { return }
      if invoice.status == .disputed { return }
      if let promise = invoice.promise, (promise.made?.daysSinceEpoch ?? .min) <= day,
        day <= promise.date.daysSinceEpoch
      {
        return
      }
      // The I+14 email goes before the first D step on or after its day.
      var emailPlaced = false
      for step in HandwrittenCharges.dueOrder {
        if !emailPlaced, schedule[0] <= schedule[step] {
          emailPlaced = true
          if fires(0, on: day, balance: balance) { fired.append(0) }
        }
        if fires(step, on: day, balance: balance) { fired.append(step) }
      }
      if !emailPlaced, fires(0, on: day, balance: balance) { fired.append(0) }
      if fired.isEmpty { return }
      supersedeEmails(on: day, fired: &fired)
      applyLimits(on: day, fired: &fired)
    }

    private func fires(_ step: Int, on day: Int, balance: Int) -> Bool {
      let scheduled = schedule[step]
      guard scheduled <= day, executed[step] > day else { return false }
      if HandwrittenB2B.isContact(step), day - scheduled > HandwrittenB2B.catchUpDays { return false }
      switch step {
      case 5: return balance >= fiveHundred
      case 6: return balance < fiveHundred
      case 8: return !keyAccount
      case 9: return keyAccount
      case 10: return balance >= oneHundred
      default: return true
      }
    }

    /// Email is the only channel with several steps: only the newest executed-or-firing email
    /// may go out.
    private func supersedeEmails(on day: Int, fired: inout [Int]) {
      var newest = -1
      for step in 0..<4 where step != 2 && (executed[step] <= day || fired.contains(step)) {
        if newest < 0 || (schedule[step], step) > (schedule[newest], newest) { newest = step }
      }
      fired.removeAll { $0 < 4 && $0 != 2 && $0 != newest }
    }

    /// Admits latest scheduled first; `fired` is in scheduled order, so walk it backwards.
    private func applyLimits(on day: Int, fired: inout [Int]) {
      var callCount = 0
      for entry in calls where entry > day - 7 && entry <= day { callCount += 1 }
      var contactCount = 0
      for entry in contacts where entry > day - 3 && entry <= day { contactCount += 1 }
      var index = fired.count - 1
      while index >= 0 {
        let step = fired[index]
        if HandwrittenB2B.isContact(step) {
          let isCall = step == HandwrittenB2B.call
          if (isCall && callCount + 1 > 1) || contactCount + 1 > 2 {
            fired.remove(at: index)
          } else {
            if isCall { callCount += 1 }
            contactCount += 1
          }
        }
        index -= 1
      }
    }

    /// Records today's actions as executed: a charge fired today counts from today.
    mutating func record(_ fired: [Int], on day: Int) {
      for step in fired {
        executed[step] = min(executed[step], day)
        if step == HandwrittenB2B.writeOff { writeOffDay = min(writeOffDay, day) }
        if HandwrittenB2B.isContact(step) { contacts.append(day) }
        if step == HandwrittenB2B.call { calls.append(day) }
      }
    }

    /// The first day after `day` on which the amounts may jump: a payment, D+1, a charge
    /// starting to count. `Int.max` when none.
    private func nextJump(after day: Int) -> Int {
      var next = Int.max
      for payment in payments where payment.day > day {
        next = payment.day
        break
      }
      if chargesStart > day { next = min(next, chargesStart) }
      let feeCounted = executed[HandwrittenCharges.fee]
      if feeCounted > day { next = min(next, feeCounted) }
      let interestCounted = executed[HandwrittenCharges.interest]
      if interestCounted > day { next = min(next, interestCounted) }
      return next
    }

    /// The days after `today` on which interest makes the balance reach 100.00 or 500.00, the
    /// amounts the conditions compare it with: at most one per threshold in each stretch between
    /// jumps, where the principal and the fee stay put and interest adds the principal's parts
    /// each day.
    private func thresholdDays(after today: Int, into days: inout [Int]) {
      var start = today
      while start != .max {
        let end = nextJump(after: start)
        let owed = owed(at: start)
        if start >= chargesStart, executed[HandwrittenCharges.interest] <= start, owed.principal > 0 {
          let bound = min(end, CivilDate.latest.daysSinceEpoch + 1)
          let hundred = Self.firstDay(reaching: oneHundred, from: owed, on: start)
          if hundred < bound { days.append(hundred) }
          let fiveHundred = Self.firstDay(reaching: self.fiveHundred, from: owed, on: start)
          if fiveHundred < bound { days.append(fiveHundred) }
        }
        start = end
      }
    }

    /// The first day after `day` on which the balance reaches `threshold` while interest accrues
    /// on `owed.principal`, or `day` itself when it already has.
    private static func firstDay(reaching threshold: Int, from owed: Owed, on day: Int) -> Int {
      // The interest, in minor units, at which the balance reaches the threshold; rounded
      // half-up, the exact interest must reach it less half a minor unit.
      let needed = threshold - owed.principal - HandwrittenCharges.rounded(owed.fees)
      guard needed > HandwrittenCharges.rounded(owed.interest) else { return day }
      let missing = needed * HandwrittenCharges.parts - HandwrittenCharges.parts / 2 - owed.interest
      let perDay = owed.principal * HandwrittenCharges.interestPartsPerDay
      return day + (missing + perDay - 1) / perDay
    }

    /// The first day after `today` with an action: only days on which an input changes, or the
    /// balance reaches a threshold, can be.
    func next(after today: Int, fired: inout [Int]) -> CivilDate? {
      var days: [Int] = []
      days.reserveCapacity(30 + payments.count * 3 + invoice.history.count + calls.count + contacts.count)
      days.append(issued)
      days.append(contentsOf: schedule)
      for payment in payments { days.append(payment.day) }
      for entry in invoice.history { days.append(entry.date.daysSinceEpoch) }
      if let promise = invoice.promise {
        if let made = promise.made { days.append(made.daysSinceEpoch) }
        days.append(promise.date.daysSinceEpoch + 1)
      }
      for day in calls { days.append(day + 7) }
      for day in contacts { days.append(day + 3) }
      // A charge fired today counts from today, but today's conditions did not see it: tomorrow's
      // do.
      if executed[HandwrittenCharges.fee] == today || executed[HandwrittenCharges.interest] == today {
        days.append(today + 1)
      }
      thresholdDays(after: today, into: &days)
      days.sort()
      var previous = Int.min
      for day in days where day > today && day >= issued && day != previous {
        previous = day
        if closed || writeOffDay <= day { return nil }
        decide(on: day, into: &fired)
        if !fired.isEmpty { return CivilDate(daysSinceEpoch: day) }
      }
      return nil
    }
  }
}
