import Foundation

/// What rule-file authors write out of habit — Portuguese words for Regua's English keywords,
/// Brazilian number and currency notation, other languages' operators — and what to write
/// instead. Diagnostics use it for their help lines, so that following a help line literally
/// gives a line that checks clean.
enum Habits {
  /// A word folded for lookup: lower-case, without accents. ASCII words, the common case, are
  /// folded without Foundation.
  static func folded(_ word: String) -> String {
    if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
    return word.lowercased().folding(options: .diacriticInsensitive, locale: Locale(identifier: "pt_BR"))
  }

  /// The action a Portuguese word (or a common synonym) names, as written in Regua.
  static func action(for word: String) -> String? {
    switch folded(word) {
    case "ligar", "ligacao", "telefonar", "telefone", "telefonema", "chamada", "phone": return "call"
    case "carta", "correspondencia", "correio", "mail": return "letter"
    case "mensagem", "zap", "wpp", "whats": return "whatsapp"
    case "e-mail", "correio-eletronico": return "email"
    case "torpedo", "texto": return "sms"
    case "encaminhar", "agencia", "cobranca", "assessoria", "terceirizar", "negativar": return "refer to agency"
    case "multa", "penalidade", "taxa": return "fee"
    case "juros", "juro", "mora": return "interest"
    case "desconto", "abatimento": return "discount"
    case "oferta", "acordo", "parcelamento", "parcelar", "renegociar", "renegociacao": return "offer"
    case "suspender", "suspensao", "bloquear", "bloqueio", "cortar", "corte": return "suspend"
    case "juridico", "judicial", "protesto", "protestar", "processo", "advogado": return "legal"
    case "baixa", "baixar", "perda", "prejuizo", "write-off", "writeoff": return "write off"
    case "tarefa", "atividade": return "task"
    case "notificar", "notificacao", "push": return "notify"
    default: return nil
    }
  }

  /// The built-in calendar a country's name or code names (`brasil` → `BR`).
  static func calendar(for word: String) -> String? {
    switch folded(word) {
    case "br", "bra", "brasil", "brazil", "brasileiro", "anbima", "febraban": return "BR"
    case "us", "usa", "eua", "united-states", "estados-unidos", "federal", "opm": return "US"
    case "nenhum", "nenhuma", "sem", "no", "nao", "off": return "none"
    default: return nil
    }
  }

  /// The setting a Portuguese word names.
  static func setting(for word: String) -> String? {
    switch folded(word) {
    case "fuso", "fuso-horario", "fuso_horario", "zona", "time-zone", "tz": return "timezone"
    case "calendario", "feriados": return "calendar"
    case "feriado": return "holiday"
    case "dia-util", "dia_util", "util", "expediente": return "workday"
    case "tolerancia", "carencia", "recuperar", "catch-up": return "catch up"
    case "parar", "pare", "encerrar", "fim": return "stop"
    case "pausar", "pausa", "suspenso": return "pause"
    case "limite", "limitar", "maximo": return "limit"
    case "janela", "horario", "horarios", "expediente-de-contato", "hours": return "window"
    case "teto", "limite-de-taxa", "ceiling": return "cap"
    default: return nil
    }
  }

  /// The day of the week (`mon` … `sun`) a Portuguese or spelt-out name means: `seg`, `sexta`,
  /// `monday`, `sábado`.
  static func weekday(for word: String) -> String? {
    switch folded(word) {
    case "mon", "seg", "segunda", "segunda-feira", "monday", "mo": return "mon"
    case "tue", "ter", "terca", "terca-feira", "tuesday", "tu", "tues": return "tue"
    case "wed", "qua", "quarta", "quarta-feira", "wednesday", "we": return "wed"
    case "thu", "qui", "quinta", "quinta-feira", "thursday", "th", "thur", "thurs": return "thu"
    case "fri", "sex", "sexta", "sexta-feira", "friday", "fr": return "fri"
    case "sat", "sab", "sabado", "saturday", "sa": return "sat"
    case "sun", "dom", "domingo", "sunday", "su": return "sun"
    default: return nil
    }
  }

  /// The days a word for a group of days means: `weekdays`, `dias-uteis` → `mon-fri`;
  /// `weekends`, `fim-de-semana` → `sat-sun`.
  static func weekdays(for word: String) -> String? {
    switch folded(word) {
    case "weekdays", "weekday", "workdays", "business-days", "dias-uteis", "uteis", "seg-sex", "segunda-sexta":
      return "mon-fri"
    case "weekends", "weekend", "fim-de-semana", "fds", "sab-dom": return "sat-sun"
    default: return nil
    }
  }

  /// The field a Portuguese word names.
  static func field(for word: String) -> String? {
    switch folded(word) {
    case "saldo", "devido", "em-aberto", "aberto": return "balance"
    case "valor", "montante", "total": return "amount"
    case "atraso", "dias-atraso", "dias-de-atraso", "dias_atraso", "dias-em-atraso", "overdue", "days":
      return "days-overdue"
    case "segmento", "segment", "carteira": return "customer.segment"
    case "tipo", "kind", "pessoa": return "customer.kind"
    case "cliente", "customer", "codigo-cliente": return "customer.id"
    case "disputa", "contestado", "contestacao", "disputado", "em-disputa": return "disputed"
    case "prometido", "promessa", "promised-to-pay": return "promised"
    case "juros", "juro", "mora", "juros-de-mora": return "interest"
    case "multa", "multas", "tarifa", "tarifas", "taxas", "encargos", "fee": return "fees"
    case "principal-em-aberto", "valor-principal", "capital": return "principal"
    default: return nil
    }
  }

  /// The operator word a Portuguese one means (C's `&&`, `||` and `!` are the lexer's: they
  /// are not words). The parser asks after every operand, so a word longer than any of them is
  /// turned away before it is folded.
  static func operatorWord(for word: String) -> String? {
    guard word.utf8.count <= 4 else { return nil }
    switch folded(word) {
    case "e": return "and"
    case "ou": return "or"
    case "nao": return "not"
    default: return nil
    }
  }

  /// Whether a step's argument may be a Portuguese step option (`quando`, `se`, `caso`, `exceto`,
  /// `salvo`, `menos`), judged by its length and first letter alone: the parser asks for every
  /// argument, so nothing is folded for the others.
  static func mayBeOptionWord(_ word: String) -> Bool {
    guard let first = word.utf8.first, (2...10).contains(word.utf8.count) else { return false }
    return "qQsScCeEmM".utf8.contains(first)
  }

  /// The keyword of a step or a header a Portuguese word means: `quando` → `when`.
  static func keyword(for word: String) -> String? {
    switch folded(word) {
    case "quando", "se", "caso", "somente-se": return "when"
    case "exceto", "salvo", "menos", "a-menos-que": return "unless"
    case "versao": return "version"
    case "por": return "per"
    case "dias": return "days"
    case "dia": return "day"
    default: return nil
    }
  }

  /// A word as Regua would have it: a keyword, operator, field or action for the Portuguese word
  /// it is, or the word itself. Quoted strings and numbers are left alone.
  static func rewritten(_ word: String) -> String {
    guard let first = word.unicodeScalars.first, first.properties.isAlphabetic else { return word }
    return keyword(for: word) ?? setting(for: word) ?? operatorWord(for: word) ?? field(for: word)
      ?? action(for: word) ?? word
  }

  /// Whether `text` is a number whose point is followed by exactly three digits, `1.000` or
  /// `250.000`: a thousands separator to a Brazilian reader, a decimal point to Regua.
  static func looksLikeThousands(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, let whole = parts.first, let fraction = parts.last, (1...3).contains(whole.count),
      fraction.count == 3, whole.first != "0"
    else { return false }
    return (whole + fraction).allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// Whether a word says "days", as people write after an offset (`D+14 dias`).
  /// Whether `word` says "business" after a word for days (`úteis`, `uteis`, `util`, `business`).
  static func isBusinessWord(_ word: String) -> Bool {
    ["uteis", "util", "business", "bancarios", "comerciais"].contains(folded(word))
  }

  /// The help for `D+7 dias úteis sms x`, the parser's and the lexer's (which stops at the
  /// accent): the line with `business days` (`business day` for one) after the offset.
  static func businessDaysHelp(offset: String, rest: [String]) -> String {
    let unit = Offset.parts(of: offset)?.days.magnitude == 1 ? "business day" : "business days"
    return "to count business days, write `\(([offset, unit] + rest).joined(separator: " "))`"
  }

  static func isDaysWord(_ word: String) -> Bool {
    ["dias", "dia", "days", "day", "d", "dd", "corridos", "uteis"].contains(folded(word))
  }

  /// `1.000,00` → `1000.00`, `500,5` → `500.50`, `1.000` → `1000.00`: a number in Brazilian
  /// notation written as Regua reads it, with two decimals.
  static func decimal(fromBrazilian text: String) -> String {
    let parts = text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = parts[0].replacingOccurrences(of: ".", with: "")
    var fraction = parts.count > 1 ? String(parts[1]) : ""
    while fraction.count < 2 { fraction += "0" }
    return "\(whole.isEmpty ? "0" : whole).\(fraction)"
  }

  /// A charge line's words after its keyword, completed into the typed form: `fee 2%`,
  /// `interest 1% per month`, `discount 2% until D-10`, keeping what was written (a rate, the
  /// step's options).
  static func typedCharge(_ kind: ActionKind, _ rest: [String]) -> [String] {
    let keyword = kind.keywords.joined(separator: " ")
    let hasRate = rest.first.map { $0.hasSuffix("%") && !$0.hasPrefix("\"") } ?? false
    let rate = hasRate ? [rest[0]] : []
    let after = Array(hasRate ? rest.dropFirst() : rest[...])
    // The words before the step's options (`when`, `unless`, `as`), and the options, kept.
    let written = Array(after.prefix { !["when", "unless", "as", "any"].contains($0) })
    let options = Array(after.dropFirst(written.count))
    switch kind {
    case .interest:
      if written.first == "per" { return [keyword] + (hasRate ? rate : ["1%"]) + after }
      // `ao mês`, `a.a.`: the period written, in the language's words; else a month.
      let period = RatePeriodPhrases.period(named: written) ?? "month"
      return [keyword] + (hasRate ? rate : ["1%"]) + ["per", period] + options
    case .discount:
      if written.first == "until" { return [keyword] + (hasRate ? rate : ["2%"]) + after }
      // `até D-1`: the last day written, else D-10.
      let last = written.count == 2 && ["ate", "até", "ateh"].contains(folded(written[0])) ? [written[1]] : ["D-10"]
      return [keyword] + (hasRate ? rate : ["2%"]) + ["until"] + last + options
    default:
      let amount = hasRate || (rest.first.map { Double($0) != nil } ?? false) ? [] : ["2%"]
      return [keyword] + amount + rest
    }
  }
}
