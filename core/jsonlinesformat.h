// CallbackLab's own exchange file: JSON Lines, one exchange object per line,
// each with "format": "callbacklab-exchange" and "version": 1. It keeps every
// field of a logged exchange byte for byte: bytes that are not valid UTF-8
// (targets, header names and values, bodies) are written as base64 under the
// key with "Base64" appended ("body" becomes "bodyBase64").
//
//   {"format":"callbacklab-exchange","version":1,"logId":12,"responderId":5,
//    "receivedAt":"2026-12-04T10:00:00.123Z","captured":false,
//    "request":{"method":"POST","target":"/cb","httpVersion":"HTTP/1.1",
//               "headers":[{"name":"Host","value":"..."}],"body":"...",
//               "bodySize":76,"bodyCut":false,"peerAddress":"127.0.0.1","peerPort":50000},
//    "callback":{"asset":...,"assets":[...],"user":...,"session":...,"drmScheme":...,
//                "drmSchemeKind":"WIDEVINE","remoteAddr":...,"userAgent":...,"extraData":...,
//                "fields":{...},"unknownFields":{...},"encoding":"json","metadataLayout":"object"},
//    "findings":[{"severity":"warning","code":...,"field":...,"message":...}],
//    "decision":"allow","decidedBy":"default","settingsRevision":3,
//    "response":{"status":200,"headers":[...],"body":"...","bodySize":0,"bodyCut":false},
//    "outcome":"sent","latencyMicros":1234}
#pragma once

#include "storedexchange.h"

#include <QCoreApplication>

class QIODevice;

class JsonLinesFormat
{
    Q_DECLARE_TR_FUNCTIONS(JsonLinesFormat)

public:
    static constexpr int Version = 1;

    static QJsonObject toJson(const StoredExchange &stored);

    // One line: compact JSON and a newline.
    static QByteArray toLine(const StoredExchange &stored);

    // Reads one exchange object. On failure returns the issue with field and
    // message set; the caller fills in index and line.
    static std::optional<ImportIssue> fromJson(const QJsonObject &object, StoredExchange *stored);

    // Reads a whole file. Blank lines are skipped; a line that fails is
    // reported with its line number and the rest are read. Every exchange read
    // is marked captured.
    static ImportResult read(QIODevice *device);
    static ImportResult read(const QByteArray &data);

    // Reads a file a part at a time, so that a large file needs memory only
    // for the part being read. Issues carry their line in the whole file.
    class Reader
    {
    public:
        explicit Reader(QIODevice *device) : m_device(device) {}

        // Reads until maxExchanges exchanges were read or the file ends.
        ImportResult readSome(qsizetype maxExchanges);
        bool atEnd() const;

    private:
        QIODevice *m_device;
        int m_lineNumber = 0;
        int m_index = 0;
    };
};
