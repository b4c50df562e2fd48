<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>CallbackParser</name>
    <message>
        <source>required field &quot;%1&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallbackResponder</name>
    <message>
        <source>Request path %1 is not the callback path %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method %1 is not one a callback uses (GET, POST, PUT)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>callbacklab: %1
Try &apos;%2&apos; for more information.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stands in for a content provider&apos;s DRM license-authorization callback endpoint.

Commands:
  (none)   open the window
  serve    run the responder without a window; see &apos;callbacklab serve --help&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the profile FILE and save changes to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs the callback responder without a window. Prints the callback URL, then one line per exchange. Stops on SIGINT or SIGTERM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address to listen on (default 127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP port to listen on, 0 for any free port (default 8080).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback path, such as /authorize (default: every path).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read decisions and CRT from the profile FILE; it is not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid value for --address: &apos;%1&apos; is not an IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid value for --port: &apos;%1&apos; is not a number from 0 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid value for --path: &apos;%1&apos; must be a path without spaces or a query</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpServerAdapter</name>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileFormat</name>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;format&quot; must be &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;version&quot; must be a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile has version %1, but this CallbackLab reads versions up to %2; update CallbackLab to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;server.address&quot; is not an IP address: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;server.port&quot; must be 0 to 65535, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;defaultDecision&quot; must be &quot;allow&quot; or &quot;deny&quot;, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;denyStatus&quot; must be 100 to 599, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;crt&quot; must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;assets[%1].asset&quot; is missing or empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;assets[%1].decision&quot; must be &quot;default&quot;, &quot;allow&quot; or &quot;deny&quot;, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;assets[%1].asset&quot; repeats asset &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResponderService</name>
    <message>
        <source>&quot;%1&quot; is not an IP address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>callbacklab: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callbacklab: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>Cannot read profile %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load profile %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
