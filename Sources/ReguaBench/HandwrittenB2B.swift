import Regua

/// What the hand-written baseline decides for one invoice on one date: the actions that fire and
/// `next`, the part of an ``ActionPlan`` the engine must match.
struct HandwrittenPlan: Equatable {
  var actions: [HandwrittenAction]
  var next: CivilDate?
}

/// One action the hand-written baseline fires.
struct HandwrittenAction: Equatable {
  var step: String
  var scheduled: CivilDate
  var late: Int
}

/// A plain Swift function written for `Rules/b2b-standard.regua` alone, the way an engineer would
/// write a one-off for that policy: the twelve steps, two conditions on the balance, the tag, both
/// pauses, both limits and the catch-up hard-coded, arrays of `Int` days, and `next` found by
/// checking the days on which an input changes, in order.
///
/// It is the benchmark's baseline and is checked equal to the engine before it is timed.
enum HandwrittenB2B {
  /// Steps in declaration order: I+14 email, D-3 email, D0 sms, D+1 email, D+7 whatsapp,
  /// D+14 call, D+15 task, D+30 letter, D+45 suspend, D+60 task, D+90 refer, D+120 write off.
  static func stepID(_ step: Int) -> String {
    switch step {
    case 0: return "i+14-email"
    case 1: return "d-3-email"
    case 2: return "d0-sms"
    case 3: return "d+1-email"
    case 4: return "d+7-whatsapp"
    case 5: return "d+14-call"
    case 6: return "d+15-task"
    case 7: return "d+30-letter"
    case 8: return "d+45-suspend"
    case 9: return "d+60-task"
    case 10: return "d+90-refer-to-agency"
    default: return "d+120-write-off"
    }
  }

  static func stepIndex(_ id: String) -> Int? {
    switch id {
    case "i+14-email": return 0
    case "d-3-email": return 1
    case "d0-sms": return 2
    case "d+1-email": return 3
    case "d+7-whatsapp": return 4
    case "d+14-call": return 5
    case "d+15-task": return 6
    case "d+30-letter": return 7
    case "d+45-suspend": return 8
    case "d+60-task": return 9
    case "d+90-refer-to-agency": return 10
    case "d+120-write-off": return 11
    default: return nil
    }
  }

  /// Contact steps: every step up to the D+30 letter except the D+15 task.
  static func isContact(_ step: Int) -> Bool { step <= 7 && step != 6 }

  static let writeOff = 11
  static let call = 5
  static let catchUpDays = 3

  /// The fired actions and `next` for `invoice` on `date`.
  static func plan(for invoice: Invoice, on date: CivilDate) -> HandwrittenPlan {
    var state = State(invoice)
    let today = date.daysSinceEpoch
    var fired: [Int] = []
    fired.reserveCapacity(12)
    var actions: [HandwrittenAction] = []
    var stoppedToday = false
    if today >= state.issued {
      stoppedToday = state.isStopped(on: today)
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
    let next = stoppedToday ? nil : state.next(after: today, fired: &fired)
    return HandwrittenPlan(actions: actions, next: next)
  }

  /// The invoice's facts, indexed once.
  struct State {
    let invoice: Invoice
    let issued: Int
    let due: Int
    /// Per step, the scheduled day.
    let schedule: [Int]
    /// Per step, the first day it was executed (`Int.max`: never).
    var executed: [Int]
    var writeOffDay = Int.max
    /// Days of the contacts `limit call 1 per 7 days` counts.
    var calls: [Int] = []
    /// Days of the contacts `limit any 2 per 3 days` counts.
    var contacts: [Int] = []
    let amount: Int64
    let fiveHundred: Int64
    let oneHundred: Int64
    let keyAccount: Bool
    let closed: Bool

    init(_ invoice: Invoice) {
      self.invoice = invoice
      issued = invoice.issued.daysSinceEpoch
      due = invoice.due.daysSinceEpoch
      schedule = [
        issued + 14, due - 3, due, due + 1, due + 7, due + 14, due + 15, due + 30, due + 45, due + 60, due + 90,
        due + 120,
      ]
      executed = [Int](repeating: .max, count: 12)
      for entry in invoice.history {
        let day = entry.date.daysSinceEpoch
        let step = HandwrittenB2B.stepIndex(entry.step)
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
      amount = invoice.amount.minorUnits
      var unit: Int64 = 1
      for _ in 0..<invoice.currency.minorUnits { unit *= 10 }
      fiveHundred = 500 * unit
      oneHundred = 100 * unit
      keyAccount = invoice.tags.contains("key-account") || invoice.customer.tags.contains("key-account")
      closed = invoice.status == .cancelled || invoice.status == .writtenOff
    }

    func balance(on day: Int) -> Int64 {
      var remaining = amount
      for payment in invoice.payments where payment.date.daysSinceEpoch <= day {
        remaining -= payment.amount.minorUnits
      }
      return max(remaining, 0)
    }

    func isStopped(on day: Int) -> Bool {
      closed || writeOffDay <= day || balance(on: day) == 0
    }

    /// The steps that fire on `day`, by scheduled day then declaration order.
    func decide(on day: Int, into fired: inout [Int]) {
      fired.removeAll(keepingCapacity: true)
      let balance = balance(on: day)
      if balance == 0 || closed || writeOffDay <= day { return }
      if invoice.status == .disputed { return }
      if let promise = invoice.promise, (promise.made?.daysSinceEpoch ?? .min) <= day,
        day <= promise.date.daysSinceEpoch
      {
        return
      }
      // Due, not executed, not missed, condition true; in scheduled order (the D steps are in
      // date order, the I+14 email goes before the first D step on or after its day).
      var emailPlaced = false
      for step in 1..<12 {
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

    private func fires(_ step: Int, on day: Int, balance: Int64) -> Bool {
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

    /// Records today's actions as executed.
    mutating func record(_ fired: [Int], on day: Int) {
      for step in fired {
        executed[step] = min(executed[step], day)
        if step == HandwrittenB2B.writeOff { writeOffDay = min(writeOffDay, day) }
        if HandwrittenB2B.isContact(step) { contacts.append(day) }
        if step == HandwrittenB2B.call { calls.append(day) }
      }
    }

    /// The first day after `today` with an action: only days on which an input changes can be.
    func next(after today: Int, fired: inout [Int]) -> CivilDate? {
      var days: [Int] = []
      days.reserveCapacity(20 + invoice.payments.count + invoice.history.count + calls.count + contacts.count)
      days.append(issued)
      days.append(contentsOf: schedule)
      for payment in invoice.payments { days.append(payment.date.daysSinceEpoch) }
      for entry in invoice.history { days.append(entry.date.daysSinceEpoch) }
      if let promise = invoice.promise {
        if let made = promise.made { days.append(made.daysSinceEpoch) }
        days.append(promise.date.daysSinceEpoch + 1)
      }
      for day in calls { days.append(day + 7) }
      for day in contacts { days.append(day + 3) }
      days.sort()
      var previous = Int.min
      for day in days where day > today && day >= issued && day != previous {
        previous = day
        if isStopped(on: day) { return nil }
        decide(on: day, into: &fired)
        if !fired.isEmpty { return CivilDate(daysSinceEpoch: day) }
      }
      return nil
    }
  }
}
