import QoimaCore

/// Why an HTTP exchange failed, split by what the caller may assume about the server: before the
/// request went out nothing happened there; after it, the server may have acted on it even when
/// its answer never arrived (`requestMayHaveBeenProcessed`).
public enum HTTPTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The request cannot be sent as given (a URL libcurl refuses, a header with a line break).
    case invalidRequest(reason: String)
    /// The CA bundle the configuration names cannot be read.
    case unreadableCABundle(path: String)
    /// No connection: the name does not resolve, nothing listens there, a proxy refused, or
    /// connecting took too long. Nothing was sent.
    case cannotConnect(url: String, reason: String)
    /// The TLS handshake failed: the server's certificate is not trusted or names another host.
    /// Nothing was sent.
    case tlsFailure(url: String, reason: String)
    /// The request went out and no answer began within `limit`. The server may have acted on it.
    case timedOut(url: String, limit: Duration)
    /// The request went out and the connection broke (or stalled past the time limit) before the
    /// whole answer came. The server may have acted on it.
    case answerLost(url: String, reason: String)
    /// A whole answer whose status is not 2xx; the body is kept, since SOAP faults come with 500.
    case httpStatus(url: String, response: HTTPResponse)
    /// The task was cancelled; `afterSending` when the request may already have gone out.
    case cancelled(url: String, afterSending: Bool)

    /// True when the request may have reached the server but its answer is unknown: the caller must
    /// find out what happened (ask the server) before sending it again.
    public var requestMayHaveBeenProcessed: Bool {
        switch self {
        case .timedOut, .answerLost: true
        case let .cancelled(_, afterSending): afterSending
        case .invalidRequest, .unreadableCABundle, .cannotConnect, .tlsFailure, .httpStatus: false
        }
    }

    public var description: String { message(in: .english) }

    public func message(in language: Language) -> String {
        switch self {
        case let .invalidRequest(reason):
            LocalizedText(kk: "сұрауды жіберу мүмкін емес: %1$@",
                          ru: "запрос нельзя отправить: %1$@",
                          en: "the request cannot be sent: %1$@").text(in: language, [reason])
        case let .unreadableCABundle(path):
            LocalizedText(kk: "%1$@ түбірлік сертификаттар файлын оқу мүмкін емес",
                          ru: "не удаётся прочитать файл корневых сертификатов %1$@",
                          en: "cannot read the CA certificate file %1$@").text(in: language, [path])
        case let .cannotConnect(url, reason):
            LocalizedText(kk: "%1$@ серверіне қосылу мүмкін емес (%2$@): интернет пен прокси баптауларын тексеріп, қайталаңыз",
                          ru: "не удаётся подключиться к %1$@ (%2$@): проверьте интернет и настройки прокси и повторите",
                          en: "cannot connect to %1$@ (%2$@): check the network and proxy settings and try again")
                .text(in: language, [url, reason])
        case let .tlsFailure(url, reason):
            LocalizedText(kk: "%1$@ серверімен қорғалған байланыс орнамады (%2$@): сервер сертификатына сенім жоқ немесе байланысты арада біреу ұстап тұр",
                          ru: "не удалось установить защищённое соединение с %1$@ (%2$@): сертификату сервера нет доверия или соединение перехватывается",
                          en: "no secure connection to %1$@ (%2$@): the server's certificate is not trusted, or something in between intercepts the connection")
                .text(in: language, [url, reason])
        case let .timedOut(url, limit):
            LocalizedText(kk: "%1$@ сервері %2$@ с ішінде жауап бермеді; сұрау жеткен болуы мүмкін, қайта жібермес бұрын оның күйін тексеріңіз",
                          ru: "%1$@ не ответил за %2$@ с; запрос мог дойти, проверьте его результат, прежде чем отправлять снова",
                          en: "%1$@ did not answer within %2$@ s; the request may have arrived, so check its outcome before sending it again")
                .text(in: language, [url, Self.seconds(limit)])
        case let .answerLost(url, reason):
            LocalizedText(kk: "%1$@ серверінің жауабы жоғалды (%2$@); сұрау жеткен болуы мүмкін, қайта жібермес бұрын оның күйін тексеріңіз",
                          ru: "ответ %1$@ потерян (%2$@); запрос мог дойти, проверьте его результат, прежде чем отправлять снова",
                          en: "the answer from %1$@ was lost (%2$@); the request may have arrived, so check its outcome before sending it again")
                .text(in: language, [url, reason])
        case let .httpStatus(url, response):
            LocalizedText(kk: "%1$@ сервері HTTP %2$@ қатесін қайтарды",
                          ru: "%1$@ вернул ошибку HTTP %2$@",
                          en: "%1$@ answered with HTTP error %2$@").text(in: language, [url, String(response.status)])
        case let .cancelled(url, afterSending):
            afterSending
                ? LocalizedText(kk: "%1$@ сұрауы тоқтатылды; ол жеткен болуы мүмкін, қайта жібермес бұрын оның күйін тексеріңіз",
                                ru: "запрос к %1$@ прерван; он мог дойти, проверьте его результат, прежде чем отправлять снова",
                                en: "the request to %1$@ was cancelled; it may have arrived, so check its outcome before sending it again")
                    .text(in: language, [url])
                : LocalizedText(kk: "%1$@ сұрауы жіберілмей тұрып тоқтатылды",
                                ru: "запрос к %1$@ прерван до отправки",
                                en: "the request to %1$@ was cancelled before it was sent").text(in: language, [url])
        }
    }

    /// "0.5", "2", "120": enough for a limit people set in seconds.
    private static func seconds(_ duration: Duration) -> String {
        let milliseconds = HTTPTransport.milliseconds(duration)
        return milliseconds % 1000 == 0 ? String(milliseconds / 1000) : String(Double(milliseconds) / 1000)
    }
}
