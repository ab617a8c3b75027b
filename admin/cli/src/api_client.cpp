#include "beast.hpp"  // first: see there

#include "galaxy/admin/api_client.hpp"

#include <chrono>

#include "galaxy/admin/args.hpp"
#include "galaxy/admin/format.hpp"

namespace galaxy::admin {
namespace {

namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

constexpr std::size_t kMaxAnswerBytes = 64 * 1024 * 1024;  // far above any admin answer

std::chrono::steady_clock::duration to_duration(double seconds) {
    return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(seconds));
}

std::string seconds_text(double seconds) { return format_number(seconds, 1) + " s"; }

}  // namespace

bool parse_base_url(std::string_view url, BaseUrl* out, std::string* error) {
    constexpr std::string_view kHttp = "http://";
    if (url.rfind("https://", 0) == 0) {
        *error =
            "https:// is not supported: galaxy-admin speaks plain HTTP; reach a remote "
            "server through `kubectl port-forward` and --url http://localhost:<port>";
        return false;
    }
    if (url.rfind(kHttp, 0) != 0) {
        *error = "the URL must start with http:// (got '" + std::string(url) + "')";
        return false;
    }
    std::string_view rest = url.substr(kHttp.size());
    const auto slash = rest.find('/');
    const std::string_view authority = rest.substr(0, slash);
    std::string_view path =
        slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    while (!path.empty() && path.back() == '/') path.remove_suffix(1);
    if (path.find_first_of("?#") != std::string_view::npos ||
        authority.find('@') != std::string_view::npos) {
        *error = "the URL may hold only http://host[:port][/path] (got '" + std::string(url) + "')";
        return false;
    }
    BaseUrl base;
    const auto colon = authority.rfind(':');
    base.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) {
        const auto port = parse_integer(authority.substr(colon + 1), 1, 65535);
        if (!port) {
            *error = "the URL's port must be 1..65535 (got '" + std::string(url) + "')";
            return false;
        }
        base.port = static_cast<std::uint16_t>(*port);
    }
    if (base.host.empty()) {
        *error = "the URL has no host (got '" + std::string(url) + "')";
        return false;
    }
    base.prefix = std::string(path);
    *out = std::move(base);
    return true;
}

std::string ApiResponse::error_code() const {
    if (body.is_object() && body.contains("code") && body["code"].is_string()) {
        return body["code"].get<std::string>();
    }
    return {};
}

std::string ApiResponse::error_message() const {
    if (body.is_object() && body.contains("message") && body["message"].is_string()) {
        return body["message"].get<std::string>();
    }
    return raw_body.substr(0, raw_body.find('\n'));
}

struct ApiClient::Impl {
    Impl(BaseUrl base_url, double connect_s, double request_s)
        : base(std::move(base_url)),
          connect_timeout_s(connect_s),
          request_timeout_s(request_s),
          stream(io) {}

    // Resolves and connects within the connect deadline; false with *error.
    bool connect(std::string* error) {
        boost::beast::error_code ec;
        stream.socket().close(ec);
        buffer.clear();
        const std::string where = base.host + ":" + std::to_string(base.port);
        tcp::resolver resolver(io);
        tcp::resolver::results_type endpoints;
        resolver.async_resolve(base.host, std::to_string(base.port),
                               [&](boost::beast::error_code e, tcp::resolver::results_type r) {
                                   ec = e;
                                   endpoints = std::move(r);
                               });
        // The resolver has no deadline of its own: give up waiting and cancel it.
        io.restart();
        io.run_for(to_duration(connect_timeout_s));
        if (!io.stopped()) {
            resolver.cancel();
            io.run();
            *error = "cannot resolve " + base.host + ": no answer within " +
                     seconds_text(connect_timeout_s);
            return false;
        }
        if (ec) {
            *error = "cannot resolve " + base.host + ": " + ec.message();
            return false;
        }
        stream.expires_after(to_duration(connect_timeout_s));
        stream.async_connect(endpoints,
                             [&](boost::beast::error_code e, const tcp::endpoint&) { ec = e; });
        run();
        if (ec == boost::beast::error::timeout) {
            *error = "cannot connect to " + where + ": no answer within " +
                     seconds_text(connect_timeout_s);
            return false;
        }
        if (ec) {
            *error = "cannot connect to " + where + ": " + ec.message();
            return false;
        }
        connected = true;
        return true;
    }

    void run() {
        io.restart();
        io.run();
    }

    BaseUrl base;
    double connect_timeout_s;
    double request_timeout_s;
    std::string token;
    boost::asio::io_context io;
    boost::beast::tcp_stream stream;
    boost::beast::flat_buffer buffer;
    bool connected = false;
};

ApiClient::ApiClient(BaseUrl base, double connect_timeout_s, double request_timeout_s)
    : impl_(std::make_unique<Impl>(std::move(base), connect_timeout_s, request_timeout_s)) {}

ApiClient::~ApiClient() = default;

void ApiClient::set_token(std::string token) { impl_->token = std::move(token); }

ApiResponse ApiClient::request(std::string_view method, const std::string& target,
                               const nlohmann::json& body) {
    Impl& c = *impl_;
    ApiResponse response;
    if (!c.connected && !c.connect(&response.transport_error)) return response;

    http::request<http::string_body> req{
        http::string_to_verb(boost::beast::string_view(method.data(), method.size())),
        c.base.prefix + target, 11};
    req.set(http::field::host, c.base.host + ":" + std::to_string(c.base.port));
    req.set(http::field::user_agent, "galaxy-admin");
    req.set(http::field::accept, "application/json");
    if (!c.token.empty()) req.set(http::field::authorization, "Bearer " + c.token);
    if (!body.is_null()) {
        req.set(http::field::content_type, "application/json");
        req.body() = body.dump();
    }
    req.prepare_payload();

    http::response_parser<http::string_body> parser;
    parser.body_limit(kMaxAnswerBytes);
    boost::beast::error_code ec;
    c.stream.expires_after(to_duration(c.request_timeout_s));
    http::async_write(c.stream, req, [&](boost::beast::error_code e, std::size_t) {
        ec = e;
        if (!e) {
            http::async_read(c.stream, c.buffer, parser,
                             [&ec](boost::beast::error_code r, std::size_t) { ec = r; });
        }
    });
    c.run();
    if (ec) {
        c.connected = false;
        const std::string where = c.base.host + ":" + std::to_string(c.base.port);
        response.transport_error =
            ec == boost::beast::error::timeout
                ? "no answer from " + where + " within " + seconds_text(c.request_timeout_s)
                : "request to " + where + " failed: " + ec.message();
        return response;
    }
    const auto& res = parser.get();
    response.status = static_cast<int>(res.result_int());
    response.raw_body = res.body();
    response.body = nlohmann::json::parse(response.raw_body, nullptr, false);
    if (response.body.is_discarded()) response.body = nullptr;
    if (!res.keep_alive()) c.connected = false;
    return response;
}

}  // namespace galaxy::admin
