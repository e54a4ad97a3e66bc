/// The packs a rules directory declares, resolved together, so that a cadence in one file may
/// `include` a pack another file declares. Names resolve only among the directory's
/// declarations: there is no path to escape through.
///
/// What it reports, each in the file of the declaration at fault: a name declared twice
/// (`duplicate-pack`, on the later one), and a pack line whose numbers or hours are out of range
/// (the codes a cadence's line would get).
struct PackScope {
  /// The packs by name, the first declaration of each; a pack whose lines have errors is kept
  /// (a cadence including it is not told it is unknown) but marked.
  private(set) var packs: [String: (syntax: PackSyntax, isValid: Bool)] = [:]
  /// The problems found, for each file in the order given.
  private(set) var diagnosticsByFile: [[Diagnostic]]

  init(_ files: [(path: String, packs: [PackSyntax])]) {
    diagnosticsByFile = Array(repeating: [], count: files.count)
    var first: [String: (file: Int, line: Int)] = [:]
    for (file, (_, declared)) in files.enumerated() {
      for pack in declared where pack.brokenHeader == nil {
        let problems = PackScope.problems(of: pack)
        diagnosticsByFile[file] += problems
        if let earlier = first[pack.name] {
          diagnosticsByFile[file].append(
            Diagnostic(
              .error, code: .duplicatePack,
              message: "a pack named `\(SafeText.excerpt(pack.name))` is already declared",
              range: pack.nameRange, help: "declare each pack once in the rules directory",
              notes: ["the first is in \(SafeText.escaped(files[earlier.file].path)), line \(earlier.line)"]))
          continue
        }
        first[pack.name] = (file, pack.nameRange.start.line)
        let isValid = problems.isEmpty && !pack.items.contains { if case .error = $0.kind { true } else { false } }
        packs[pack.name] = (pack, isValid)
      }
    }
  }

  /// The names declared, for suggestions.
  var names: [String] { packs.keys.sorted() }

  /// What is wrong with a pack's lines on their own: numbers out of range, an empty window.
  static func problems(of pack: PackSyntax) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    func fail(_ problem: CadenceValidation.Problem?, _ range: SourceRange) {
      guard let problem else { return }
      problems.append(
        Diagnostic(.error, code: problem.code, message: problem.message, range: range, help: problem.help))
    }
    func fail(_ excess: Bounds.Excess?, _ range: SourceRange) {
      fail(excess.map { CadenceValidation.Problem(code: $0.code, message: $0.message, help: $0.help) }, range)
    }
    for item in pack.items {
      switch item.kind {
      case .limit(let limit):
        fail(Bounds.checkNumber(limit.count, in: Bounds.limitCount), limit.countRange)
        fail(Bounds.checkNumber(limit.days, in: Bounds.limitDays), limit.daysRange)
      case .conversationWait(let wait):
        fail(Bounds.checkNumber(wait.days, in: Bounds.limitDays), wait.daysRange)
      case .window(let window):
        do throws(SendWindowError) {
          _ = try SendWindow(channel: nil, from: window.from, to: window.to, days: window.days)
        } catch {
          fail(
            CadenceValidation.Problem(
              code: error == .startsAtEndOfDay ? .badTime : .emptyWindow, message: error.description, help: nil),
            window.hoursRange)
        }
      default: break
      }
    }
    return problems
  }
}
