// Decision time per callback: DecisionEngine::decide() with the rule
// engine's counters, for a profile with 10,000 assets and 200 rules against
// an empty profile, on the same callbacks in one run. No rule matches the
// callbacks, so every rule is evaluated: the worst case for rule count.
// Usage: bench_decision [SECONDS_PER_ROUND] [ROUNDS]
#include "decisionengine.h"
#include "responsesettings.h"
#include "rule.h"
#include "ruleengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace {

constexpr int AssetCount = 10000;
constexpr int RuleCount = 200;
constexpr int CallbackCount = 4096;

struct Sample
{
    CallbackFields callback;
    RawRequest request;
};

RuleCondition makeCondition(ConditionSubject subject, ConditionOperator op, const QString &value,
                            const QString &name = QString())
{
    RuleCondition condition;
    condition.subject = subject;
    condition.op = op;
    condition.value = value;
    condition.name = name;
    return condition;
}

// A mix of every operator and field kind, none of which matches the samples.
Rule makeRule(int i)
{
    Rule rule;
    rule.id = Rule::newId();
    rule.name = QStringLiteral("rule %1").arg(i);
    rule.action.kind = ActionKind::Deny;

    const QString n = QString::number(i);
    switch (i % 10) {
    case 0:
    case 1:
    case 2:
        rule.conditions.append(makeCondition(ConditionSubject::Asset, ConditionOperator::Equals, QStringLiteral("blocked-") + n));
        rule.conditions.append(makeCondition(ConditionSubject::User, ConditionOperator::Present, QString()));
        break;
    case 3: {
        RuleCondition users = makeCondition(ConditionSubject::User, ConditionOperator::OneOf, QString());
        for (int k = 0; k < 10; ++k)
            users.values.append(QStringLiteral("banned-%1-%2").arg(i).arg(k));
        rule.conditions.append(users);
        break;
    }
    case 4:
        rule.conditions.append(makeCondition(ConditionSubject::UserAgent, ConditionOperator::Glob, QStringLiteral("BadBot-%1/*").arg(i)));
        break;
    case 5:
        rule.conditions.append(makeCondition(ConditionSubject::RemoteAddr, ConditionOperator::Regex, QStringLiteral("^10\\.%1\\.").arg(i % 256)));
        break;
    case 6:
        rule.conditions.append(makeCondition(ConditionSubject::Header, ConditionOperator::Present, QString(), QStringLiteral("X-Test-") + n));
        break;
    case 7:
        rule.conditions.append(makeCondition(ConditionSubject::Field, ConditionOperator::Equals, QStringLiteral("os-") + n, QStringLiteral("client.os")));
        rule.conditions.append(makeCondition(ConditionSubject::DrmScheme, ConditionOperator::Equals, QStringLiteral("PLAYREADY")));
        break;
    case 8: {
        RuleCondition sessions = makeCondition(ConditionSubject::UserSessions, ConditionOperator::Equals, QString());
        sessions.count = 900;
        sessions.windowSeconds = (i % 3 + 1) * 600;
        // The negated first condition holds for every sample, so the stateful one is evaluated too.
        rule.conditions.append(makeCondition(ConditionSubject::Session, ConditionOperator::Regex, QStringLiteral("^never-%1").arg(i)));
        rule.conditions.first().negate = true;
        rule.conditions.append(sessions);
        break;
    }
    case 9:
        rule.enabled = i % 20 != 9;
        rule.conditions.append(makeCondition(ConditionSubject::ExtraData, ConditionOperator::Glob, QStringLiteral("*secret-%1*").arg(i), QString()));
        rule.conditions.append(makeCondition(ConditionSubject::UserCallbacks, ConditionOperator::Equals, QString()));
        rule.conditions.last().count = 1000000;
        break;
    }
    return rule;
}

QList<Sample> makeSamples()
{
    QRandomGenerator random(42);
    QList<Sample> samples;
    samples.reserve(CallbackCount);
    for (int i = 0; i < CallbackCount; ++i) {
        Sample sample;
        CallbackFields &callback = sample.callback;
        // Nine in ten callbacks name a known asset.
        const int asset = int(random.bounded(AssetCount + AssetCount / 9));
        callback.asset = asset < AssetCount ? QStringLiteral("asset-%1").arg(asset) : QStringLiteral("unknown-%1").arg(asset);
        callback.assets = {callback.asset};
        callback.user = QStringLiteral("user-%1").arg(random.bounded(1000));
        callback.session = QStringLiteral("session-%1").arg(random.bounded(5000));
        callback.drmSchemeText = QStringLiteral("WIDEVINE");
        callback.drmScheme = DrmScheme::Widevine;
        callback.remoteAddr = QStringLiteral("113.190.%1.%2").arg(random.bounded(256)).arg(random.bounded(256));
        callback.userAgent = QStringLiteral("Mozilla/5.0 (X11; Linux x86_64) Chrome/%1").arg(random.bounded(100, 130));
        callback.extraData = QStringLiteral("tier=gold");
        callback.fields = QJsonObject{
            {QStringLiteral("asset"), callback.asset},
            {QStringLiteral("user"), callback.user},
            {QStringLiteral("session"), callback.session},
            {QStringLiteral("client"), QJsonObject{{QStringLiteral("os"), QStringLiteral("android")}}},
        };
        sample.request.method = "POST";
        sample.request.target = "/callback";
        sample.request.headers = {{"Content-Type", "application/json"}, {"User-Agent", "SigmaLicenseServer/2.1"}};
        samples.append(sample);
    }
    return samples;
}

ResponseSettings largeProfile()
{
    ResponseSettings settings;
    settings.assets.reserve(AssetCount);
    for (int i = 0; i < AssetCount; ++i) {
        AssetMode mode = AssetMode::FollowDefault;
        if (i % 3 == 0)
            mode = AssetMode::Deny;
        else if (i % 3 == 1)
            mode = AssetMode::Allow;
        settings.assets.append(AssetEntry{QStringLiteral("asset-%1").arg(i), mode});
    }
    for (int i = 0; i < RuleCount; ++i)
        settings.rules.append(makeRule(i));
    settings.schemeCrts.insert(DrmScheme::Widevine, QJsonObject{{QStringLiteral("securityLevel"), 4}});
    return settings;
}

qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

struct Timing
{
    double cpuNs = 0;   // median CPU time of this thread per callback
    double wallNs = 0;  // median wall time per callback, which includes waiting for a core
};

// Runs decide() on the samples for secondsPerRound of wall time per round.
Timing measure(const ResponseSettings &settings, const QList<Sample> &samples, double secondsPerRound, int rounds,
               qint64 *checksum)
{
    RuleEngine engine;
    QList<double> cpu;
    QList<double> wall;
    for (int round = 0; round < rounds + 1; ++round) {  // the first round warms up
        QElapsedTimer timer;
        timer.start();
        const qint64 cpuStart = threadCpuNs();
        qint64 decided = 0;
        const qint64 budgetNs = qint64(secondsPerRound * 1e9);
        while (timer.nsecsElapsed() < budgetNs) {
            for (const Sample &sample : samples) {
                const PlannedResponse plan = DecisionEngine::decide(settings, sample.callback, sample.request, &engine);
                *checksum += plan.response.status;
            }
            decided += samples.size();
        }
        if (round > 0) {
            cpu.append(double(threadCpuNs() - cpuStart) / double(decided));
            wall.append(double(timer.nsecsElapsed()) / double(decided));
        }
    }
    std::sort(cpu.begin(), cpu.end());
    std::sort(wall.begin(), wall.end());
    return Timing{cpu.at(cpu.size() / 2), wall.at(wall.size() / 2)};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const double secondsPerRound = arguments.size() > 1 ? qBound(0.05, arguments.at(1).toDouble(), 60.0) : 1.0;
    const int rounds = arguments.size() > 2 ? qBound(1, arguments.at(2).toInt(), 50) : 5;

    const QList<Sample> samples = makeSamples();

    // Both prepared, as the settings store prepares every snapshot.
    ResponseSettings empty;
    empty.prepare();
    ResponseSettings large = largeProfile();
    QElapsedTimer compileTimer;
    compileTimer.start();
    large.prepare();
    const double prepareMs = double(compileTimer.nsecsElapsed()) / 1e6;
    if (large.compiledRules()->hasProblems()) {
        std::fprintf(stderr, "bench_decision: the generated rules are invalid\n");
        return 1;
    }

    qint64 checksum = 0;
    const Timing emptyTime = measure(empty, samples, secondsPerRound, rounds, &checksum);
    const Timing largeTime = measure(large, samples, secondsPerRound, rounds, &checksum);

    std::printf("Decision time per callback (median of %d rounds of %.2f s, %d distinct callbacks)\n", rounds,
                secondsPerRound, CallbackCount);
    std::printf("                                 CPU time     wall time\n");
    std::printf("  empty profile:              %8.2f us   %8.2f us\n", emptyTime.cpuNs / 1000.0, emptyTime.wallNs / 1000.0);
    std::printf("  %d assets, %d rules:    %8.2f us   %8.2f us\n", AssetCount, RuleCount, largeTime.cpuNs / 1000.0,
                largeTime.wallNs / 1000.0);
    std::printf("  ratio:                      %8.2f      %8.2f\n", largeTime.cpuNs / emptyTime.cpuNs,
                largeTime.wallNs / emptyTime.wallNs);
    std::printf("Indexing the assets and compiling the rules once: %.1f ms\n", prepareMs);
    std::printf("(checksum %lld)\n", static_cast<long long>(checksum));
    return 0;
}
