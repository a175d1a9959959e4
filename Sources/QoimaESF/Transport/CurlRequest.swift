import CCurl
import Foundation
import Synchronization

/// Set from any thread when the task that waits is cancelled; read by libcurl's progress callback.
final class CancellationFlag: Sendable {
    private let flag = Atomic(false)

    func cancel() { flag.store(true, ordering: .relaxed) }
    var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// One POST on its own curl easy handle, performed on the calling thread, which it blocks.
struct CurlRequest: Sendable {
    let url: String
    let body: [UInt8]
    let headerLines: [String]
    let configuration: HTTPTransport.Configuration

    /// curl_global_init is not safe to race with other threads' first use of libcurl; a static
    /// `let` runs it exactly once.
    private static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    func perform(cancellation: CancellationFlag) -> Result<HTTPResponse, HTTPTransportError> {
        Self.ignoreBrokenPipeOnThisThread()
        guard Self.globalInit == CURLE_OK, let handle = curl_easy_init() else {
            return .failure(.cannotConnect(url: url, reason: "libcurl cannot start"))
        }
        defer { curl_easy_cleanup(handle) }
        let exchange = CurlExchange(cancellation: cancellation)
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer { errorText.deallocate() }
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for line in headerLines {
            guard let longer = curl_slist_append(headerList, line) else {
                return .failure(.invalidRequest(reason: "out of memory for the headers"))
            }
            headerList = longer
        }

        let code = body.withUnsafeBytes { bytes in
            withExtendedLifetime(exchange) {
                let context = Unmanaged.passUnretained(exchange).toOpaque()
                do throws(SetupFailure) {
                    try configure(handle, headers: headerList, errorText: errorText, context: context)
                    try check(qoima_curl_set_post_body(handle, bytes.baseAddress, bytes.count))
                } catch {
                    return error.code
                }
                return curl_easy_perform(handle)
            }
        }
        guard code == CURLE_OK else {
            let text = String(cString: errorText)
            let reason = text.isEmpty ? String(cString: curl_easy_strerror(code)) : text
            return .failure(failure(code, reason: reason, exchange: exchange))
        }
        var status = 0
        _ = qoima_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: exchange.headers, body: exchange.body))
    }

    private struct SetupFailure: Error {
        let code: CURLcode
    }

    private func check(_ code: CURLcode) throws(SetupFailure) {
        guard code == CURLE_OK else { throw SetupFailure(code: code) }
    }

    private func configure(_ handle: UnsafeMutableRawPointer, headers: UnsafeMutablePointer<curl_slist>?,
                           errorText: UnsafeMutablePointer<CChar>, context: UnsafeMutableRawPointer) throws(SetupFailure) {
        func set(_ option: CURLoption, _ value: Int) throws(SetupFailure) { try check(qoima_curl_set_long(handle, option, value)) }
        func set(_ option: CURLoption, _ value: String?) throws(SetupFailure) {
            try check(qoima_curl_set_string(handle, option, value))
        }

        try check(qoima_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorText))
        // Threads and signals do not mix; a blocked SIGPIPE stands in for libcurl's own handling.
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_URL, url)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_POST, 1)
        try check(qoima_curl_set_list(handle, CURLOPT_HTTPHEADER, headers))
        try set(CURLOPT_USERAGENT, configuration.userAgent)
        // "" offers every encoding this libcurl can decode, and decodes the answer.
        try set(CURLOPT_ACCEPT_ENCODING, "")
        try set(CURLOPT_CONNECTTIMEOUT_MS, HTTPTransport.milliseconds(configuration.connectTimeout))
        try set(CURLOPT_TIMEOUT_MS, HTTPTransport.milliseconds(configuration.totalTimeout))
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caBundlePath = configuration.caBundlePath {
            try set(CURLOPT_CAINFO, caBundlePath)
            // Debian's libcurl also looks in /etc/ssl/certs unless told not to.
            try set(CURLOPT_CAPATH, nil)
        }
        // A proxy's "200 Connection established" is not the answer.
        try set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)

        try check(qoima_curl_set_prereq_function(handle) { context, _, _, _, _ in
            CurlExchange.from(context).requestMayBeOut = true
            return CURL_PREREQFUNC_OK
        })
        try check(qoima_curl_set_pointer(handle, CURLOPT_PREREQDATA, context))
        try check(qoima_curl_set_write_function(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            CurlExchange.from(context).receivedHeader(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        })
        try check(qoima_curl_set_pointer(handle, CURLOPT_HEADERDATA, context))
        try check(qoima_curl_set_write_function(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            CurlExchange.from(context).receivedBody(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        })
        try check(qoima_curl_set_pointer(handle, CURLOPT_WRITEDATA, context))
        // Called about once a second even when nothing moves, so a cancellation is noticed.
        try set(CURLOPT_NOPROGRESS, 0)
        try check(qoima_curl_set_xferinfo_function(handle) { context, _, _, _, _ in
            CurlExchange.from(context).cancellation.isCancelled ? 1 : 0
        })
        try check(qoima_curl_set_pointer(handle, CURLOPT_XFERINFODATA, context))
    }

    /// Which failure this is depends first on whether the request may have gone out.
    private func failure(_ code: CURLcode, reason: String, exchange: CurlExchange) -> HTTPTransportError {
        if code == CURLE_ABORTED_BY_CALLBACK { return .cancelled(url: url, afterSending: exchange.requestMayBeOut) }
        guard exchange.requestMayBeOut else {
            switch code {
            case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_BAD_FUNCTION_ARGUMENT:
                return .invalidRequest(reason: reason)
            case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
                 CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
                 CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ENGINE_INITFAILED:
                return .tlsFailure(url: url, reason: reason)
            default:
                return .cannotConnect(url: url, reason: reason)
            }
        }
        if code == CURLE_OPERATION_TIMEDOUT && !exchange.answerStarted {
            return .timedOut(url: url, limit: configuration.totalTimeout)
        }
        return .answerLost(url: url, reason: reason)
    }

    /// With CURLOPT_NOSIGNAL libcurl no longer ignores SIGPIPE itself, and a TLS write to a closed
    /// connection could raise it and end the process. Blocked on this thread (which ends with the
    /// request), it stays pending and is dropped, and the write fails with EPIPE instead.
    private static func ignoreBrokenPipeOnThisThread() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }
}

/// What libcurl's callbacks gather for one request; touched only on the request's thread.
final class CurlExchange {
    let cancellation: CancellationFlag
    /// Set once the connection is up, just before the request is written: from then on the
    /// server may have it.
    var requestMayBeOut = false
    /// Set by the first byte of an answer.
    private(set) var answerStarted = false
    private(set) var headers: [HTTPHeader] = []
    private(set) var body: [UInt8] = []

    init(cancellation: CancellationFlag) {
        self.cancellation = cancellation
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> CurlExchange {
        Unmanaged<CurlExchange>.fromOpaque(context!).takeUnretainedValue()
    }

    /// libcurl hands over one whole header line at a time, status lines included.
    func receivedHeader(_ bytes: UnsafeRawBufferPointer) {
        answerStarted = true
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            headers = [] // a new answer begins (after "100 Continue", say): keep only the last one's
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append(HTTPHeader(name, value))
        }
    }

    func receivedBody(_ bytes: UnsafeRawBufferPointer) {
        answerStarted = true
        body.append(contentsOf: bytes)
    }
}
