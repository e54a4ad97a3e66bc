import Foundation

/// Turns `test` syntax into ``PolicyTest`` values: builds the invoice and resolves every date.
struct PolicyTestCompiler {
  var diagnostics: [Diagnostic] = []
  let path: String

  /// Checks a test and builds it; a test with a line that did not parse is checked all the same
  /// (so its other mistakes are reported) but not built.
  mutating func compile(_ syntax: TestSyntax) -> PolicyTest? {
    let before = diagnostics.count
    var invoiceLines:
      [(amount: String, currency: String?, due: DateSyntax, issued: DateSyntax?, id: String?, SourceRange)] = []
    var cadenceName: String?
    var ids: Set<String> = []
    for item in syntax.items {
      switch item.kind {
      case .invoice(let amount, let currency, let due, let issued, let id, let range):
        // Several invoices make an account of one customer: each without an id is `INV-n`.
        let resolved = id ?? (invoiceLines.isEmpty ? TestInvoice.defaultID : "INV-\(invoiceLines.count + 1)")
        guard ids.insert(resolved).inserted else {
          fail(
            .duplicateSetting, "the test declares two invoices with the id `\(SafeText.excerpt(resolved))`", range,
            help: "give each invoice its own `id`")
          continue
        }
        invoiceLines.append((amount, currency, due, issued, resolved, range))
      case .cadence(let name, let range):
        if cadenceName != nil {
          fail(.duplicateSetting, "the test names two cadences", range, help: "keep one `cadence` line")
        }
        cadenceName = name
      default: break
      }
    }
    guard let invoiceLine = invoiceLines.first else {
      // A broken line may have been the invoice: say nothing more.
      guard !syntax.hasErrors else { return nil }
      fail(
        .missingInvoice, "the test has no invoice", syntax.range,
        help: "add a line such as `invoice 1250.00 BRL due 2026-03-10`")
      return nil
    }
    guard let invoice = makeInvoice(invoiceLine) else { return nil }
    var invoices = [invoice]
    for line in invoiceLines.dropFirst() {
      guard let other = makeInvoice(line) else { return nil }
      invoices.append(other)
    }
    var checks: [PolicyCheck] = []
    // Each invoice's facts count from its own dates; expectations from the first invoice's.
    let schedules = invoices.map { Schedule.plain(for: $0.datesOnly) }
    var current = -1
    for item in syntax.items {
      switch item.kind {
      case .invoice:
        current += 1
      case .tagged, .status, .payment, .promise, .history, .conversation:
        let index = Swift.max(0, Swift.min(current, invoices.count - 1))
        apply(item, to: &invoices[index], checks: &checks, schedule: schedules[index])
      default:
        apply(item, to: &invoices[0], checks: &checks, schedule: schedules[0])
      }
    }
    // One customer: the lines that describe them, wherever written.
    for index in invoices.indices.dropFirst() { invoices[index].customer = invoices[0].customer }
    let state = invoices[0]
    if invoices.count > 1,
      let timeline = syntax.items.first(where: { if case .timeline = $0.kind { true } else { false } })
    {
      fail(
        .unknownTestLine, "a `timeline` follows one invoice; this test declares \(invoices.count)", timeline.range,
        help: "check the account's days with `on DATE expect …` lines")
    }

    if checks.isEmpty && !syntax.hasErrors {
      fail(
        .noExpectations, "the test expects nothing", syntax.range, help: "add a line such as `on D+14 expect call`")
    }
    guard diagnostics.count == before, !syntax.hasErrors else { return nil }
    return PolicyTest(
      name: syntax.name, path: path, position: syntax.range.start, cadenceName: cadenceName, fixture: state,
      others: Array(invoices.dropFirst()), checks: checks)
  }

  private mutating func fail(_ code: DiagnosticCode, _ message: String, _ range: SourceRange, help: String? = nil) {
    diagnostics.append(.error(code, message, at: range, help: help))
  }

  private mutating func makeInvoice(
    _ line: (amount: String, currency: String?, due: DateSyntax, issued: DateSyntax?, id: String?, SourceRange)
  ) -> TestInvoice? {
    let code = line.currency ?? "BRL"
    guard let currency = Currency(code) else {
      fail(.unknownCurrency, MoneyError.unknownCurrency(code).description, line.5)
      return nil
    }
    guard let due = CivilDate(line.due.text) else {
      fail(
        .badDate, "the due date must be a date such as `2026-03-10`", line.due.range, help: "offsets count from it")
      return nil
    }
    let amount: Money
    do {
      amount = try Money(parsing: line.amount, currency: currency)
    } catch {
      fail(.badAmount, error.description, line.5, help: Self.thousandsHelp(line.amount, currency))
      return nil
    }
    var invoice = TestInvoice(id: line.id ?? TestInvoice.defaultID, amount: amount, due: due)
    if let issued = line.issued {
      let plain = Schedule.plain(for: invoice.datesOnly)
      guard let date = resolve(issued, in: plain).flatMap({ $0.resolve(in: plain) }) else { return nil }
      guard date <= due else {
        fail(.badDate, "the issue date `\(date)` is after the due date `\(due)`", issued.range)
        return nil
      }
      invoice.issued = date
    } else if !invoice.issued.isRepresentable {
      fail(
        .badDate,
        "the issue date, \(TestInvoice.defaultTerm) days before the due date `\(due)`, falls before 0001-01-01",
        line.due.range, help: "give the issue date: `issued \(due)`")
      return nil
    }
    return invoice
  }

  /// The date or offset a date syntax names, or a diagnostic. An offset must name a date of the
  /// invoice (within 0001–9999), counted in calendar days.
  private mutating func resolve(_ date: DateSyntax, in schedule: Schedule) -> DateReference? {
    do throws(CivilDateError) {
      let parsed = try DateReference(parsing: date.text)
      guard parsed.resolve(in: schedule) != nil else { throw CivilDateError.noDateForOffset(date.text) }
      return parsed
    } catch {
      fail(.badDate, error.description, date.range, help: "write `2026-03-24` or an offset such as `D+14`")
      return nil
    }
  }

  /// For `1.500` in a currency with two decimals: the point is not a thousands separator.
  private static func thousandsHelp(_ text: String, _ currency: Currency) -> String? {
    guard Habits.looksLikeThousands(text) else { return nil }
    let thousands = text.replacingOccurrences(of: ".", with: "")
    return "the point is a decimal point: for \(thousands), write `\(thousands).00`"
  }

  private mutating func money(_ text: String, _ currency: Currency, _ range: SourceRange) -> Money? {
    do {
      let money = try Money(parsing: text, currency: currency)
      guard money.minorUnits > 0 else {
        fail(.badAmount, "`\(text)` is not positive", range, help: "write an amount above zero")
        return nil
      }
      return money
    } catch {
      fail(.badAmount, error.description, range, help: Self.thousandsHelp(text, currency))
      return nil
    }
  }

  private mutating func apply(
    _ item: TestItemSyntax, to invoice: inout TestInvoice, checks: inout [PolicyCheck], schedule: Schedule
  ) {
    switch item.kind {
    case .invoice, .cadence, .error:
      break
    case .customer(let kind, let segment, let id, _):
      invoice.customer.kind = kind.flatMap(CustomerKind.init(rawValue:))
      invoice.customer.segment = segment ?? ""
      invoice.customer.id = id ?? invoice.customer.id
    case .optOut(let names, let range), .prefers(let names, let range):
      var channels: [Channel] = []
      for name in names {
        // A name one typo away from a built-in channel is that typo (`emial`), not a host channel.
        let builtIn = Channel.builtIn.map(\.name)
        let typo = Channel(builtIn: name) == nil ? Suggestions.closest(to: name, among: builtIn) : nil
        guard typo == nil, let channel = Channel(builtIn: name) ?? (try? Channel(host: name)) else {
          fail(
            .badChannel, "`\(SafeText.excerpt(name))` is not a channel", range,
            help: typo.map { "did you mean `\($0)`?" } ?? "name a built-in channel or a host channel of `notify`")
          return
        }
        channels.append(channel)
      }
      if case .optOut = item.kind {
        invoice.customer.optOuts += channels
      } else {
        invoice.customer.preferredChannels += channels
      }
    case .timeZone(let zone, let range):
      guard TimeZone(identifier: zone) != nil else {
        fail(
          .unknownTimeZone, "`\(SafeText.excerpt(zone))` is not a time zone", range,
          help: "write an IANA zone such as `\"America/Sao_Paulo\"`")
        return
      }
      invoice.customer.timeZone = zone
    case .tagged(let tags, _):
      invoice.tags += tags
    case .status(let status, _):
      invoice.status = InvoiceStatus(rawValue: status) ?? .open
    case .payment(let amount, let date, let range):
      guard let date = resolve(date, in: schedule), let money = money(amount, invoice.amount.currency, range) else {
        return
      }
      invoice.payments.append(TestPayment(date: date, amount: money))
    case .promise(let date, let made, _):
      guard let promised = resolve(date, in: schedule) else { return }
      let madeDate = made.flatMap { resolve($0, in: schedule) }
      invoice.promise = TestPromise(date: promised, made: madeDate)
    case .history(let step, let date, let channel, _):
      guard let date = resolve(date, in: schedule) else { return }
      invoice.history.append(TestHistoryEntry(step: step, date: date, channel: channel))
    case .conversation(let date, let channel, _):
      guard let date = resolve(date, in: schedule) else { return }
      invoice.history.append(TestHistoryEntry(step: "conversation", date: date, channel: channel, kind: .conversation))
    case .expectation(let on, let expectation, let range):
      guard let day = resolve(on, in: schedule) else { return }
      let plan: PlanExpectation
      switch expectation {
      case .fires(let words): plan = .fires(words)
      case .doesNotFire(let words): plan = .doesNotFire(words)
      case .nothing: plan = .nothing
      case .skipped(let step, let reason):
        plan = .skipped(step: step, reason: reason.flatMap(SkipReason.init(rawValue:)))
      case .next(let date):
        guard let date else {
          plan = .next(nil)
          break
        }
        guard let next = resolve(date, in: schedule) else { return }
        plan = .next(next)
      case .balance(let component, let amount):
        guard let value = try? ExactDecimal(parsing: amount) else { return }
        plan = .balance(AmountComponent(rawValue: component ?? "total") ?? .total, value)
      }
      checks.append(PolicyCheck(position: range.start, expectation: .on(on.text, day, plan)))
    case .timeline(let from, let to, let entries, let range):
      let lines = entries.map(\.text)
      let entryPositions = entries.map(\.position)
      let start = from.flatMap { resolve($0, in: schedule) }
      let end = to.flatMap { resolve($0, in: schedule) }
      if from != nil && start == nil || to != nil && end == nil { return }
      if lines.isEmpty {
        fail(
          .emptyTimeline, "the timeline has no entries", range,
          help: "indent the expected entries under `timeline`, or expect `nothing`")
        return
      }
      let label = ["timeline", from.map { "from \($0.text)" }, to.map { "to \($0.text)" }].compactMap { $0 }.joined(
        separator: " ")
      checks.append(
        PolicyCheck(
          position: range.start,
          expectation: .timeline(from: start, to: end, label: label, lines: lines, entryPositions: entryPositions)))
    }
  }
}
