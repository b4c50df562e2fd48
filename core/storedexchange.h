// Types shared by the request log store, its filter and the export formats:
// an exchange as the log keeps it, error values and import reports.
#pragma once

#include "exchange.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>
#include <variant>

// One exchange as kept in the request log: the exchange itself plus what the
// log adds (its id, whether bodies were cut, whether it was imported).
struct StoredExchange
{
    qint64 logId = 0;             // id in the request log, 0 when not stored
    Exchange exchange;
    qint64 requestBodySize = 0;   // full size of the request body as received
    bool requestBodyCut = false;  // true when exchange.request.body holds only the first bytes
    qint64 responseBodySize = 0;
    bool responseBodyCut = false;
    bool captured = false;        // imported from a file rather than received by this program

    // Wraps a live exchange; the body sizes are those of the bodies it holds.
    static StoredExchange fromExchange(const Exchange &exchange, bool captured = false);
};

// An error of the request log store, naming the file it is about.
struct StoreError
{
    Q_DECLARE_TR_FUNCTIONS(StoreError)

public:
    enum class Code {
        NotFound,      // the file does not exist (readers never create one)
        CannotOpen,    // the file or its folder cannot be opened or created
        Corrupt,       // the file is not an SQLite database or is damaged
        Locked,        // another process has the file open for writing
        NotALog,       // an SQLite database that is not a CallbackLab request log
        NewerVersion,  // written by a newer CallbackLab with a schema this one does not know
        QueryFailed,   // a read or write failed on an open log
        NotOpen,       // the store or reader was used before open() succeeded
        Interrupted,   // a read was stopped by ExchangeStoreReader::interrupt()
    };

    Code code = Code::QueryFailed;
    QString fileName;
    QString message;  // translated, without the file name

    // "Cannot use request log <file>: <message>"
    QString toString() const;
};

// A value or a StoreError. StoreResult<> carries no value.
template <typename T = std::monostate>
class StoreResult
{
public:
    StoreResult(T value) : m_value(std::move(value)) {}
    StoreResult(StoreError error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }

    const StoreError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    StoreError m_error;
};

// A problem with one entry of an imported file. The entry is left out and the
// rest are imported.
struct ImportIssue
{
    Q_DECLARE_TR_FUNCTIONS(ImportIssue)

public:
    int index = -1;    // 0-based entry index: log.entries[index] or the index-th exchange line
    int line = 0;      // 1-based line in a JSON Lines file, 0 for HAR
    QString field;     // JSON path of the field at fault inside the entry, may be empty
    QString message;   // translated

    QString toString() const;
};

struct ImportResult
{
    QList<StoredExchange> exchanges;  // marked captured
    QList<ImportIssue> issues;
    QString fatalError;               // set when the file as a whole cannot be read; nothing is imported
};

// Conversions between the exchange enums and the names the log and the
// export formats write. The names are the ones from exchange.h.
namespace ExchangeNames {
std::optional<Decision> decisionFromName(const QString &name);
std::optional<DeliveryOutcome> outcomeFromName(const QString &name);
std::optional<FindingSeverity> severityFromName(const QString &name);
std::optional<BodyEncoding> bodyEncodingFromName(const QString &name);
std::optional<MetadataLayout> metadataLayoutFromName(const QString &name);
// "none" for DrmScheme::None, otherwise drmSchemeName().
QString schemeKey(DrmScheme scheme);
std::optional<DrmScheme> schemeFromKey(const QString &key);
}

// JSON forms of the parsed callback fields and the findings, shared by the log
// store, JSON Lines and HAR so the three agree.
namespace ExchangeJson {
QJsonObject callbackToJson(const CallbackFields &callback);
// Missing keys keep their defaults; returns an error text for a wrong type.
QString callbackFromJson(const QJsonObject &object, CallbackFields *callback);
QJsonArray findingsToJson(const Findings &findings);
QString findingsFromJson(const QJsonArray &array, Findings *findings);

// Bytes as JSON: a string when they are valid UTF-8, otherwise base64 under
// key + "Base64". EntryReader::bytes() reads either form.
void writeBytes(QJsonObject &object, const QString &key, const QByteArray &bytes);
bool isValidUtf8(const QByteArray &bytes);

// Reads members of one imported entry with tolerant defaults and keeps the
// first problem with the JSON path of the member at fault.
class EntryReader
{
    Q_DECLARE_TR_FUNCTIONS(EntryReader)

public:
    bool ok() const { return !m_issue.has_value(); }
    std::optional<ImportIssue> issue() const { return m_issue; }
    void fail(const QString &field, const QString &message);

    // Each returns the fallback when the member is absent or null (and then
    // fails if required), and fails when it has another type.
    QJsonObject object(const QJsonObject &parent, const QString &path, const QString &key, bool required = false);
    QJsonArray array(const QJsonObject &parent, const QString &path, const QString &key, bool required = false);
    QString string(const QJsonObject &parent, const QString &path, const QString &key, bool required = false,
                   const QString &fallback = QString());
    double number(const QJsonObject &parent, const QString &path, const QString &key, bool required = false,
                  double fallback = 0);
    bool boolean(const QJsonObject &parent, const QString &path, const QString &key, bool fallback = false);
    // key as a string, or key + "Base64" as base64.
    QByteArray bytes(const QJsonObject &parent, const QString &path, const QString &key, bool required = false);

    static QString join(const QString &path, const QString &key);

private:
    std::optional<ImportIssue> m_issue;
};
}
