<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AssetTableModel</name>
    <message>
        <source>Double-click or press Space to switch between allow and deny; press F2 to choose Follow default.</source>
        <translation>Nhấp đúp hoặc nhấn Space để chuyển giữa cho phép và từ chối; nhấn F2 để chọn Theo mặc định.</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Follow default (deny)</source>
        <translation>Theo mặc định (từ chối)</translation>
    </message>
    <message>
        <source>Follow default (allow)</source>
        <translation>Theo mặc định (cho phép)</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Cho phép</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Từ chối</translation>
    </message>
</context>
<context>
    <name>CallbackParser</name>
    <message>
        <source>The %1 request has no body; the fields are read from the query string</source>
        <translation>Yêu cầu %1 không có body; các trường được đọc từ query string</translation>
    </message>
    <message>
        <source>The request has no Content-Type header; the body was read as %1</source>
        <translation>Yêu cầu không có header Content-Type; body được đọc dưới dạng %1</translation>
    </message>
    <message>
        <source>The request has no Content-Type header</source>
        <translation>Yêu cầu không có header Content-Type</translation>
    </message>
    <message>
        <source>Content-Type %1 does not match the body, which was read as %2</source>
        <translation>Content-Type %1 không khớp với body, vốn được đọc dưới dạng %2</translation>
    </message>
    <message>
        <source>Content-Type declares charset %1; the body was read as UTF-8</source>
        <translation>Content-Type khai báo charset %1; body được đọc dưới dạng UTF-8</translation>
    </message>
    <message>
        <source>The request has both a body and a query string; only the body was read</source>
        <translation>Yêu cầu có cả body lẫn query string; chỉ body được đọc</translation>
    </message>
    <message>
        <source>The body is neither JSON nor a URL-encoded form: byte %1 at offset %2 is a control character</source>
        <translation>Body không phải JSON cũng không phải form URL-encoded: byte %1 tại offset %2 là ký tự điều khiển</translation>
    </message>
    <message>
        <source>The body is neither JSON nor a URL-encoded form: it has no name=value pair</source>
        <translation>Body không phải JSON cũng không phải form URL-encoded: không có cặp name=value nào</translation>
    </message>
    <message numerus="yes">
        <source>The body is not valid UTF-8: %n invalid byte(s), the first at offset %1; they were read as U+FFFD</source>
        <translation>
            <numerusform>Body không phải UTF-8 hợp lệ: %n byte không hợp lệ, byte đầu tiên tại offset %1; chúng được đọc thành U+FFFD</numerusform>
        </translation>
    </message>
    <message>
        <source>The body is not valid JSON: %1 at offset %2</source>
        <translation>Body không phải JSON hợp lệ: %1 tại offset %2</translation>
    </message>
    <message>
        <source>The body is a JSON array, not an object (offset %1)</source>
        <translation>Body là một mảng JSON, không phải object (offset %1)</translation>
    </message>
    <message>
        <source>The query string has an invalid percent-encoding at offset %1</source>
        <translation>Query string có percent-encoding không hợp lệ tại offset %1</translation>
    </message>
    <message>
        <source>The form body has an invalid percent-encoding at offset %1</source>
        <translation>Body form có percent-encoding không hợp lệ tại offset %1</translation>
    </message>
    <message>
        <source>The query string has an invalid percent-encoding at offset %1, in the value of %2</source>
        <translation>Query string có percent-encoding không hợp lệ tại offset %1, trong giá trị của %2</translation>
    </message>
    <message>
        <source>The form body has an invalid percent-encoding at offset %1, in the value of %2</source>
        <translation>Body form có percent-encoding không hợp lệ tại offset %1, trong giá trị của %2</translation>
    </message>
    <message>
        <source>A field name is not valid UTF-8 at byte %1 of the decoded name; invalid bytes were read as U+FFFD</source>
        <translation>Một tên trường không phải UTF-8 hợp lệ tại byte %1 của tên đã giải mã; các byte không hợp lệ được đọc thành U+FFFD</translation>
    </message>
    <message>
        <source>The value of %1 is not valid UTF-8 at byte %2 of the decoded value; invalid bytes were read as U+FFFD</source>
        <translation>Giá trị của %1 không phải UTF-8 hợp lệ tại byte %2 của giá trị đã giải mã; các byte không hợp lệ được đọc thành U+FFFD</translation>
    </message>
    <message>
        <source>%1 looks like base64 whose &apos;+&apos; characters became spaces in form decoding; the sender should percent-encode &apos;+&apos; as %2</source>
        <translation>%1 trông giống base64 mà các ký tự &apos;+&apos; đã thành dấu cách khi giải mã form; bên gửi cần percent-encode &apos;+&apos; thành %2</translation>
    </message>
    <message>
        <source>%1 looks like a JWT whose &apos;+&apos; characters became spaces in form decoding; the sender should percent-encode &apos;+&apos; as %2</source>
        <translation>%1 trông giống JWT mà các ký tự &apos;+&apos; đã thành dấu cách khi giải mã form; bên gửi cần percent-encode &apos;+&apos; thành %2</translation>
    </message>
    <message>
        <source>%1 is sent more than once; the first value is used</source>
        <translation>%1 được gửi nhiều lần; giá trị đầu tiên được dùng</translation>
    </message>
    <message numerus="yes">
        <source>%1 is sent %n times; each value is read as an asset</source>
        <translation>
            <numerusform>%1 được gửi %n lần; mỗi giá trị được đọc là một asset</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is sent %n times; the first value is used</source>
        <translation>
            <numerusform>%1 được gửi %n lần; giá trị đầu tiên được dùng</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is sent %n times; the values are kept as a list</source>
        <translation>
            <numerusform>%1 được gửi %n lần; các giá trị được giữ thành một danh sách</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is sent both as a value and with nested fields; the first form is used</source>
        <translation>%1 được gửi vừa dưới dạng giá trị vừa có trường lồng nhau; dạng đầu tiên được dùng</translation>
    </message>
    <message>
        <source>Required field %1 is missing</source>
        <translation>Thiếu trường bắt buộc %1</translation>
    </message>
    <message>
        <source>Both asset and assets are sent; asset is used and assets is ignored</source>
        <translation>Gửi cả asset lẫn assets; asset được dùng và assets bị bỏ qua</translation>
    </message>
    <message>
        <source>assets is read as asset; the vendor&apos;s example request spells it asset</source>
        <translation>assets được đọc là asset; request mẫu của nhà cung cấp viết là asset</translation>
    </message>
    <message>
        <source>Required field %1 is empty</source>
        <translation>Trường bắt buộc %1 bị rỗng</translation>
    </message>
    <message>
        <source>%1 is %2, not a string; it was read as &quot;%3&quot;</source>
        <translation>%1 là %2, không phải chuỗi; được đọc thành &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1 is an empty list; a callback needs an asset</source>
        <translation>%1 là danh sách rỗng; callback cần có asset</translation>
    </message>
    <message>
        <source>Entry %1 of %2 is empty</source>
        <translation>Phần tử %1 của %2 bị rỗng</translation>
    </message>
    <message>
        <source>Entry %1 of %2 is %3, not a string; it was read as &quot;%4&quot;</source>
        <translation>Phần tử %1 của %2 là %3, không phải chuỗi; được đọc thành &quot;%4&quot;</translation>
    </message>
    <message>
        <source>Entry %1 of %2 is %3; assets must be strings</source>
        <translation>Phần tử %1 của %2 là %3; asset phải là chuỗi</translation>
    </message>
    <message numerus="yes">
        <source>%1 is a list of %n asset(s); the first, %2, is shown as the asset</source>
        <translation>
            <numerusform>%1 là danh sách %n asset; asset đầu tiên, %2, được hiển thị làm asset</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is %2, but the contract requires a string</source>
        <translation>%1 là %2, nhưng đặc tả yêu cầu một chuỗi</translation>
    </message>
    <message>
        <source>drmScheme is null; it was read as absent</source>
        <translation>drmScheme là null; được xem như không có</translation>
    </message>
    <message>
        <source>drmScheme is %1, not a string</source>
        <translation>drmScheme là %1, không phải chuỗi</translation>
    </message>
    <message>
        <source>drmScheme is empty; it was read as absent</source>
        <translation>drmScheme rỗng; được xem như không có</translation>
    </message>
    <message>
        <source>drmScheme %1 is not a DRM scheme the contract names (WIDEVINE, FAIRPLAY, PLAYREADY)</source>
        <translation>drmScheme %1 không phải DRM scheme mà đặc tả nêu (WIDEVINE, FAIRPLAY, PLAYREADY)</translation>
    </message>
    <message>
        <source>drmScheme %1 was read as %2, the documented spelling</source>
        <translation>drmScheme %1 được đọc thành %2, cách viết theo tài liệu</translation>
    </message>
    <message>
        <source>requestMetadata is null; it was read as absent</source>
        <translation>requestMetadata là null; được xem như không có</translation>
    </message>
    <message>
        <source>requestMetadata is %1, not an object; it was ignored</source>
        <translation>requestMetadata là %1, không phải object; đã bị bỏ qua</translation>
    </message>
    <message>
        <source>%1 at offset %2</source>
        <translation>%1 tại offset %2</translation>
    </message>
    <message>
        <source>a JSON array</source>
        <translation>một mảng JSON</translation>
    </message>
    <message>
        <source>requestMetadata is text that is not a JSON object (%1); it was ignored</source>
        <translation>requestMetadata là văn bản không phải JSON object (%1); đã bị bỏ qua</translation>
    </message>
    <message>
        <source>requestMetadata is a string holding JSON, not an object; its content was read</source>
        <translation>requestMetadata là chuỗi chứa JSON, không phải object; nội dung của chuỗi đã được đọc</translation>
    </message>
    <message>
        <source>requestMetadata.remoteAddr &quot;%1&quot; is not an IP address</source>
        <translation>requestMetadata.remoteAddr &quot;%1&quot; không phải địa chỉ IP</translation>
    </message>
    <message>
        <source>requestMetadata.remoteAddr is %1, not a string</source>
        <translation>requestMetadata.remoteAddr là %1, không phải chuỗi</translation>
    </message>
    <message>
        <source>requestMetadata.userAgent is %1, not a string</source>
        <translation>requestMetadata.userAgent là %1, không phải chuỗi</translation>
    </message>
    <message>
        <source>extraData is null; it was read as absent</source>
        <translation>extraData là null; được xem như không có</translation>
    </message>
    <message>
        <source>extraData is %1, not a string; it was read as its JSON text</source>
        <translation>extraData là %1, không phải chuỗi; được đọc thành văn bản JSON của nó</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 và %n trường khác</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) the contract does not name were kept: %1</source>
        <translation>
            <numerusform>Đã giữ lại %n trường không có trong đặc tả: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The custom-data header is not base64</source>
        <translation>Header custom-data không phải base64</translation>
    </message>
    <message>
        <source>The custom-data header is base64 but not of a JSON object</source>
        <translation>Header custom-data là base64 nhưng không chứa JSON object</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>The custom-data header holds userId %1, sessionId %2, merchantId %3, appId %4</source>
        <translation>Header custom-data chứa userId %1, sessionId %2, merchantId %3, appId %4</translation>
    </message>
    <message>
        <source>custom-data names user %1, but the callback&apos;s user is %2</source>
        <translation>custom-data ghi user %1, nhưng user của callback là %2</translation>
    </message>
    <message>
        <source>custom-data names session %1, but the callback&apos;s session is %2</source>
        <translation>custom-data ghi session %1, nhưng session của callback là %2</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>một boolean</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>một số</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>một chuỗi</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>một mảng</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>một object</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>a URL-encoded form</source>
        <translation>một form URL-encoded</translation>
    </message>
    <message>
        <source>neither JSON nor a form</source>
        <translation>không phải JSON cũng không phải form</translation>
    </message>
    <message numerus="yes">
        <source>%n more %1 finding(s) are not listed</source>
        <translation>
            <numerusform>Còn %n phát hiện %1 khác không được liệt kê</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallbackResponder</name>
    <message>
        <source>Request path %1 is not the callback path %2</source>
        <translation>Đường dẫn yêu cầu %1 không phải đường dẫn callback %2</translation>
    </message>
    <message>
        <source>Method %1 is not one a callback uses (GET, POST, PUT)</source>
        <translation>Phương thức %1 không phải phương thức callback dùng (GET, POST, PUT)</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>callbacklab: %1
Try &apos;%2&apos; for more information.
</source>
        <translation>callbacklab: %1
Chạy &apos;%2&apos; để xem thêm thông tin.
</translation>
    </message>
    <message>
        <source>Open the profile FILE and save changes to it.</source>
        <translation>Mở tệp hồ sơ FILE và lưu thay đổi vào đó.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>lệnh không xác định &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Runs the callback responder without a window. Prints the callback URL, then one line per exchange. Stops on SIGINT or SIGTERM.</source>
        <translation>Chạy bộ phản hồi callback không cần cửa sổ. In ra URL callback, sau đó mỗi lượt trao đổi một dòng. Dừng khi nhận SIGINT hoặc SIGTERM.</translation>
    </message>
    <message>
        <source>IP address to listen on (default 127.0.0.1).</source>
        <translation>Địa chỉ IP để lắng nghe (mặc định 127.0.0.1).</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>TCP port to listen on, 0 for any free port (default 8080).</source>
        <translation>Cổng TCP để lắng nghe, 0 để dùng một cổng trống bất kỳ (mặc định 8080).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Callback path, such as /authorize (default: every path).</source>
        <translation>Đường dẫn callback, ví dụ /authorize (mặc định: mọi đường dẫn).</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Read decisions and CRT from the profile FILE; it is not written.</source>
        <translation>Đọc quyết định và CRT từ tệp hồ sơ FILE; tệp không bị ghi.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>đối số không mong đợi &apos;%1&apos;</translation>
    </message>
    <message>
        <source>invalid value for --address: &apos;%1&apos; is not an IP address</source>
        <translation>giá trị không hợp lệ cho --address: &apos;%1&apos; không phải địa chỉ IP</translation>
    </message>
    <message>
        <source>invalid value for --port: &apos;%1&apos; is not a number from 0 to 65535</source>
        <translation>giá trị không hợp lệ cho --port: &apos;%1&apos; không phải số từ 0 đến 65535</translation>
    </message>
    <message>
        <source>invalid value for --path: &apos;%1&apos; must be a path without spaces or a query</source>
        <translation>giá trị không hợp lệ cho --path: &apos;%1&apos; phải là đường dẫn không có dấu cách hay query</translation>
    </message>
    <message>
        <source>Keep every exchange in the request log FILE (default: exchanges.sqlite in the app&apos;s data folder).</source>
        <translation>Lưu mọi lượt trao đổi vào tệp nhật ký yêu cầu FILE (mặc định: exchanges.sqlite trong thư mục dữ liệu của ứng dụng).</translation>
    </message>
    <message>
        <source>Keep no request log.</source>
        <translation>Không lưu nhật ký yêu cầu.</translation>
    </message>
    <message>
        <source>--log-db and --no-log-db cannot be used together</source>
        <translation>Không thể dùng --log-db và --no-log-db cùng lúc</translation>
    </message>
    <message>
        <source>invalid value for --log-db: the file name is empty</source>
        <translation>giá trị không hợp lệ cho --log-db: tên tệp rỗng</translation>
    </message>
    <message>
        <source>Store the request log in the SQLite file FILE (default: exchanges.sqlite in the app&apos;s data folder).</source>
        <translation>Lưu nhật ký yêu cầu vào tệp SQLite FILE (mặc định: exchanges.sqlite trong thư mục dữ liệu của ứng dụng).</translation>
    </message>
    <message>
        <source>Stands in for a content provider&apos;s DRM license-authorization callback endpoint.

Commands:
  (none)   open the window
  serve    run the responder without a window; see &apos;callbacklab serve --help&apos;
  replay   replay saved callbacks against a target; see &apos;callbacklab replay --help&apos;
  export   write logged exchanges to a HAR or JSON Lines file; see &apos;callbacklab export --help&apos;
  import   add HAR or JSON Lines files to a request log; see &apos;callbacklab import --help&apos;</source>
        <translation>Đóng vai endpoint callback xác thực cấp giấy phép DRM của nhà cung cấp nội dung.

Các lệnh:
  (không có)  mở cửa sổ
  serve    chạy bộ phản hồi không cần cửa sổ; xem &apos;callbacklab serve --help&apos;
  replay   phát lại các callback đã lưu tới một đích; xem &apos;callbacklab replay --help&apos;
  export   ghi các lượt trao đổi đã ghi nhật ký ra tệp HAR hoặc JSON Lines; xem &apos;callbacklab export --help&apos;
  import   thêm tệp HAR hoặc JSON Lines vào một nhật ký yêu cầu; xem &apos;callbacklab import --help&apos;</translation>
    </message>
</context>
<context>
    <name>ComposerWidget</name>
    <message>
        <source>One header per line, as Name: value</source>
        <translation>Mỗi dòng một header, dạng Name: value</translation>
    </message>
    <message>
        <source>JSON body</source>
        <translation>Body JSON</translation>
    </message>
    <message>
        <source>Form, requestMetadata[remoteAddr]</source>
        <translation>Form, requestMetadata[remoteAddr]</translation>
    </message>
    <message>
        <source>Form, requestMetadata.remoteAddr</source>
        <translation>Form, requestMetadata.remoteAddr</translation>
    </message>
    <message>
        <source>Form, requestMetadata as JSON text</source>
        <translation>Form, requestMetadata dạng văn bản JSON</translation>
    </message>
    <message>
        <source>GET query string</source>
        <translation>Query string GET</translation>
    </message>
    <message>
        <source>Add Callback</source>
        <translation>Thêm callback</translation>
    </message>
    <message>
        <source>Asset:</source>
        <translation>Asset:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Session:</translation>
    </message>
    <message>
        <source>DRM scheme:</source>
        <translation>DRM scheme:</translation>
    </message>
    <message>
        <source>Remote address:</source>
        <translation>Địa chỉ remote:</translation>
    </message>
    <message>
        <source>User agent:</source>
        <translation>User agent:</translation>
    </message>
    <message>
        <source>Extra data:</source>
        <translation>Extra data:</translation>
    </message>
    <message>
        <source>Extra headers:</source>
        <translation>Header bổ sung:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Kiểu mã hóa:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>no asset</source>
        <translation>không có asset</translation>
    </message>
    <message>
        <source>composer %1</source>
        <translation>composer %1</translation>
    </message>
    <message>
        <source>Header line %1 is invalid: &apos;%2&apos;. Write it as Name: value.</source>
        <translation>Dòng header %1 không hợp lệ: &apos;%2&apos;. Hãy viết dạng Name: value.</translation>
    </message>
</context>
<context>
    <name>CountersPanel</name>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Số callback</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Lần đầu xuất hiện</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Lần cuối xuất hiện</translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation>Session gần đây</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>User</translation>
    </message>
    <message>
        <source>&amp;Reset Counters</source>
        <translation>Đặt &amp;lại bộ đếm</translation>
    </message>
    <message>
        <source>Forget every session and user, so stateful rule conditions count from zero</source>
        <translation>Quên mọi session và user, để các điều kiện quy tắc có trạng thái đếm lại từ 0</translation>
    </message>
    <message>
        <source>%1 sessions, %2 users</source>
        <translation>%1 session, %2 user</translation>
    </message>
</context>
<context>
    <name>Crt</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>một boolean</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>một số</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>một chuỗi</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>một mảng</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>một object</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>%1 is the string &quot;%2&quot;, not a number</source>
        <translation>%1 là chuỗi &quot;%2&quot;, không phải số</translation>
    </message>
    <message>
        <source>%1 is the string &quot;%2&quot;; the CRT takes a number here</source>
        <translation>%1 là chuỗi &quot;%2&quot;; CRT nhận một số ở đây</translation>
    </message>
    <message>
        <source>%1 is %2, not a number</source>
        <translation>%1 là %2, không phải số</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 đến %2</translation>
    </message>
    <message>
        <source>%1 is negative (%2); it takes %3</source>
        <translation>%1 là số âm (%2); giá trị hợp lệ: %3</translation>
    </message>
    <message>
        <source>%1 is %2, not a whole number</source>
        <translation>%1 là %2, không phải số nguyên</translation>
    </message>
    <message>
        <source>%1 is %2, outside the range %3</source>
        <translation>%1 là %2, nằm ngoài khoảng %3</translation>
    </message>
    <message>
        <source>%1 is the boolean %2; this CRT takes the number 1 (rooted devices refused) or 0 (allowed), another vendor API uses a boolean here</source>
        <translation>%1 là boolean %2; CRT này nhận số 1 (từ chối thiết bị đã root) hoặc 0 (cho phép), một API khác của nhà cung cấp dùng boolean ở đây</translation>
    </message>
    <message>
        <source>%1 is %2, not a string</source>
        <translation>%1 là %2, không phải chuỗi</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; must be spelt exactly &quot;%3&quot;</source>
        <translation>%1 &quot;%2&quot; phải viết chính xác là &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not one of: %3</source>
        <translation>%1 &quot;%2&quot; không thuộc: %3</translation>
    </message>
    <message>
        <source>%1 is the string &quot;%2&quot;; the CRT takes the boolean true or false</source>
        <translation>%1 là chuỗi &quot;%2&quot;; CRT nhận boolean true hoặc false</translation>
    </message>
    <message>
        <source>%1 is %2, not a boolean</source>
        <translation>%1 là %2, không phải boolean</translation>
    </message>
    <message>
        <source>%1 is not a CRT field the contract names</source>
        <translation>%1 không phải trường CRT mà đặc tả nêu</translation>
    </message>
    <message>
        <source>%1 is not a CRT field; did you mean %2?</source>
        <translation>%1 không phải trường CRT; có phải ý bạn là %2?</translation>
    </message>
    <message>
        <source>%1 (%2) is above %3 (%4); the playing time must not exceed the key&apos;s lifetime</source>
        <translation>%1 (%2) lớn hơn %3 (%4); thời gian phát không được vượt quá thời hạn của khóa</translation>
    </message>
    <message>
        <source>The 200 reply body is not JSON (%1 at offset %2), so the license server cannot read a CRT from it</source>
        <translation>Body của phản hồi 200 không phải JSON (%1 tại offset %2), nên máy chủ cấp phép không thể đọc CRT từ đó</translation>
    </message>
    <message>
        <source>The 200 reply body is a JSON array, not an object with a payload</source>
        <translation>Body của phản hồi 200 là một mảng JSON, không phải object có payload</translation>
    </message>
    <message>
        <source>%1 is not part of a CRT reply, which has only payload</source>
        <translation>%1 không thuộc phản hồi CRT, vốn chỉ có payload</translation>
    </message>
    <message>
        <source>The 200 reply body is JSON without payload; the contract does not say how the license server treats it</source>
        <translation>Body của phản hồi 200 là JSON không có payload; đặc tả không nói máy chủ cấp phép xử lý trường hợp này thế nào</translation>
    </message>
    <message>
        <source>payload is %1, not an object</source>
        <translation>payload là %1, không phải object</translation>
    </message>
    <message>
        <source>%1 is not a security level (1 to 4)</source>
        <translation>%1 không phải mức bảo mật (1 đến 4)</translation>
    </message>
    <message>
        <source>Widevine L3</source>
        <translation>Widevine L3</translation>
    </message>
    <message>
        <source>Widevine L1</source>
        <translation>Widevine L1</translation>
    </message>
    <message>
        <source>Widevine L2</source>
        <translation>Widevine L2</translation>
    </message>
    <message>
        <source>PlayReady SL below 150</source>
        <translation>PlayReady SL dưới 150</translation>
    </message>
    <message>
        <source>PlayReady SL 3000 and above</source>
        <translation>PlayReady SL từ 3000 trở lên</translation>
    </message>
    <message>
        <source>PlayReady SL 150 to 2999</source>
        <translation>PlayReady SL từ 150 đến 2999</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 hoặc %2</translation>
    </message>
</context>
<context>
    <name>CrtEditor</name>
    <message>
        <source>Send a CRT with Allow</source>
        <translation>Gửi CRT khi Cho phép</translation>
    </message>
    <message>
        <source>When off, an allowed callback gets 200 with an empty body, and the license server applies the asset&apos;s settings from its dashboard</source>
        <translation>Khi tắt, callback được cho phép nhận 200 với body rỗng, và máy chủ cấp phép áp dụng cài đặt của asset trên dashboard</translation>
    </message>
    <message>
        <source>&amp;Form</source>
        <translation>&amp;Biểu mẫu</translation>
    </message>
    <message>
        <source>Raw &amp;JSON</source>
        <translation>&amp;JSON thô</translation>
    </message>
    <message>
        <source>Reply to an allowed callback:</source>
        <translation>Phản hồi cho callback được cho phép:</translation>
    </message>
    <message>
        <source>No findings: the license server should accept this CRT.</source>
        <translation>Không có phát hiện nào: máy chủ cấp phép sẽ chấp nhận CRT này.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s); the CRT is sent anyway, so you can test how the license server handles it.</source>
        <translation>
            <numerusform>%n phát hiện; CRT vẫn được gửi, để bạn kiểm thử cách máy chủ cấp phép xử lý nó.</numerusform>
        </translation>
    </message>
    <message>
        <source>HTTP 200 with an empty body; the license server applies the asset&apos;s settings from its dashboard.</source>
        <translation>HTTP 200 với body rỗng; máy chủ cấp phép áp dụng cài đặt của asset trên dashboard.</translation>
    </message>
    <message>
        <source>Send a CRT</source>
        <translation>Gửi CRT</translation>
    </message>
    <message>
        <source>Send no CRT</source>
        <translation>Không gửi CRT</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Mặc định</translation>
    </message>
    <message>
        <source>Widevine</source>
        <translation>Widevine</translation>
    </message>
    <message>
        <source>PlayReady</source>
        <translation>PlayReady</translation>
    </message>
    <message>
        <source>FairPlay</source>
        <translation>FairPlay</translation>
    </message>
    <message>
        <source>Callbacks of a scheme with its own CRT get that CRT; other callbacks get the default CRT</source>
        <translation>Callback của DRM scheme có CRT riêng sẽ nhận CRT đó; các callback khác nhận CRT mặc định</translation>
    </message>
    <message>
        <source>Use the default CRT</source>
        <translation>Dùng CRT mặc định</translation>
    </message>
    <message>
        <source>CRT for:</source>
        <translation>CRT cho:</translation>
    </message>
    <message>
        <source>Edit CRT</source>
        <translation>Sửa CRT</translation>
    </message>
    <message>
        <source>Edit %1 CRT</source>
        <translation>Sửa CRT %1</translation>
    </message>
    <message>
        <source>Use the default CRT for %1</source>
        <translation>Dùng CRT mặc định cho %1</translation>
    </message>
    <message>
        <source>Own CRT for %1</source>
        <translation>CRT riêng cho %1</translation>
    </message>
</context>
<context>
    <name>CrtForm</name>
    <message>
        <source>Whether rooted or jailbroken devices get a license</source>
        <translation>Thiết bị đã root hoặc jailbreak có được cấp giấy phép hay không</translation>
    </message>
    <message>
        <source>HDCP version the output must support</source>
        <translation>Phiên bản HDCP mà đầu ra phải hỗ trợ</translation>
    </message>
    <message>
        <source>Minutes the license keys stay valid, 0 to %L1</source>
        <translation>Số phút khóa giấy phép còn hiệu lực, 0 đến %L1</translation>
    </message>
    <message>
        <source>Total playing time allowed; must not exceed keyExpireTime. The contract gives no unit, minutes are assumed.</source>
        <translation>Tổng thời gian phát cho phép; không được vượt quá keyExpireTime. Đặc tả không nêu đơn vị, giả định là phút.</translation>
    </message>
    <message>
        <source>Required device security level, 1 to 4; higher is stricter</source>
        <translation>Mức bảo mật thiết bị yêu cầu, 1 đến 4; càng cao càng nghiêm ngặt</translation>
    </message>
    <message>
        <source>Whether the player may keep a persistent license for offline play</source>
        <translation>Trình phát có được giữ giấy phép lưu trữ để phát ngoại tuyến hay không</translation>
    </message>
    <message>
        <source>Minutes a stored license lives, 0 to %L1</source>
        <translation>Số phút giấy phép đã lưu còn hiệu lực, 0 đến %L1</translation>
    </message>
    <message>
        <source>Send %1 in the CRT</source>
        <translation>Gửi %1 trong CRT</translation>
    </message>
    <message>
        <source>1: rooted devices refused</source>
        <translation>1: từ chối thiết bị đã root</translation>
    </message>
    <message>
        <source>0: rooted devices allowed</source>
        <translation>0: cho phép thiết bị đã root</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>persistent license</source>
        <translation>giấy phép lưu trữ</translation>
    </message>
    <message>
        <source>Sent as %1, which the form cannot show. Pick a value to replace it, or use Raw JSON.</source>
        <translation>Được gửi dưới dạng %1, biểu mẫu không thể hiển thị. Chọn một giá trị để thay thế, hoặc dùng JSON thô.</translation>
    </message>
</context>
<context>
    <name>CrtRawEditor</name>
    <message>
        <source>A JSON object, e.g. {&quot;keyExpireTime&quot;: 60}</source>
        <translation>Một JSON object, ví dụ {&quot;keyExpireTime&quot;: 60}</translation>
    </message>
    <message>
        <source>Invalid JSON at line %1, column %2: %3. Not applied; the reply keeps the last valid CRT.</source>
        <translation>JSON không hợp lệ tại dòng %1, cột %2: %3. Chưa áp dụng; phản hồi giữ CRT hợp lệ gần nhất.</translation>
    </message>
    <message>
        <source>The CRT must be a JSON object, e.g. {&quot;keyExpireTime&quot;: 60}. Not applied; the reply keeps the last valid CRT.</source>
        <translation>CRT phải là một JSON object, ví dụ {&quot;keyExpireTime&quot;: 60}. Chưa áp dụng; phản hồi giữ CRT hợp lệ gần nhất.</translation>
    </message>
</context>
<context>
    <name>CurlParser</name>
    <message>
        <source>ignored %1: use the replay&apos;s insecure option to accept any TLS certificate</source>
        <translation>đã bỏ qua %1: dùng tùy chọn insecure của replay để chấp nhận mọi chứng chỉ TLS</translation>
    </message>
    <message>
        <source>ignored %1: replay reports redirects and never follows them</source>
        <translation>đã bỏ qua %1: replay báo cáo chuyển hướng và không bao giờ đi theo</translation>
    </message>
    <message>
        <source>ignored %1: replay never uses a proxy</source>
        <translation>đã bỏ qua %1: replay không bao giờ dùng proxy</translation>
    </message>
    <message>
        <source>ignored %1: use the replay&apos;s timeout option</source>
        <translation>đã bỏ qua %1: dùng tùy chọn timeout của replay</translation>
    </message>
    <message>
        <source>ignored %1: it does not change the request</source>
        <translation>đã bỏ qua %1: tùy chọn này không thay đổi yêu cầu</translation>
    </message>
    <message>
        <source>unterminated single quote</source>
        <translation>thiếu dấu nháy đơn đóng</translation>
    </message>
    <message>
        <source>unterminated $&apos;...&apos; quote</source>
        <translation>thiếu dấu nháy đóng cho $&apos;...&apos;</translation>
    </message>
    <message>
        <source>shell variables are not supported; replace %1 with its value</source>
        <translation>không hỗ trợ biến shell; thay %1 bằng giá trị của nó</translation>
    </message>
    <message>
        <source>command substitution is not supported</source>
        <translation>không hỗ trợ thay thế lệnh (command substitution)</translation>
    </message>
    <message>
        <source>unterminated double quote</source>
        <translation>thiếu dấu nháy kép đóng</translation>
    </message>
    <message>
        <source>shell operator &apos;%1&apos; is not supported; paste one curl command and quote URLs that contain &apos;&amp;&apos;</source>
        <translation>không hỗ trợ toán tử shell &apos;%1&apos;; dán một lệnh curl và đặt trong dấu nháy các URL chứa &apos;&amp;&apos;</translation>
    </message>
    <message>
        <source>the command is empty</source>
        <translation>lệnh rỗng</translation>
    </message>
    <message>
        <source>the command must start with curl, not &apos;%1&apos;</source>
        <translation>lệnh phải bắt đầu bằng curl, không phải &apos;%1&apos;</translation>
    </message>
    <message>
        <source>reading data from a file (%1) is not supported; paste the data itself</source>
        <translation>không hỗ trợ đọc dữ liệu từ tệp (%1); hãy dán chính dữ liệu đó</translation>
    </message>
    <message>
        <source>%1 needs a method such as POST</source>
        <translation>%1 cần một phương thức, ví dụ POST</translation>
    </message>
    <message>
        <source>reading headers from a file (%1) is not supported</source>
        <translation>không hỗ trợ đọc header từ tệp (%1)</translation>
    </message>
    <message>
        <source>invalid header &apos;%1&apos;: write it as &apos;Name: value&apos;</source>
        <translation>header không hợp lệ &apos;%1&apos;: hãy viết dạng &apos;Name: value&apos;</translation>
    </message>
    <message>
        <source>more than one URL; replay takes one request per command</source>
        <translation>có nhiều hơn một URL; replay nhận một yêu cầu cho mỗi lệnh</translation>
    </message>
    <message>
        <source>reading cookies from a file (%1) is not supported</source>
        <translation>không hỗ trợ đọc cookie từ tệp (%1)</translation>
    </message>
    <message>
        <source>unsupported option %1: a callback is one request with a plain body</source>
        <translation>không hỗ trợ tùy chọn %1: callback là một yêu cầu với body thuần</translation>
    </message>
    <message>
        <source>unsupported option %1</source>
        <translation>không hỗ trợ tùy chọn %1</translation>
    </message>
    <message>
        <source>option %1 needs a value</source>
        <translation>tùy chọn %1 cần một giá trị</translation>
    </message>
    <message>
        <source>the command has no URL</source>
        <translation>lệnh không có URL</translation>
    </message>
    <message>
        <source>invalid URL &apos;%1&apos;</source>
        <translation>URL không hợp lệ &apos;%1&apos;</translation>
    </message>
    <message>
        <source>curl command</source>
        <translation>lệnh curl</translation>
    </message>
    <message>
        <source>pasted curl command</source>
        <translation>lệnh curl đã dán</translation>
    </message>
</context>
<context>
    <name>DecisionsPanel</name>
    <message>
        <source>Allow</source>
        <translation>Cho phép</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Decision for assets that follow the default, including assets not yet seen</source>
        <translation>Quyết định cho các asset theo mặc định, kể cả asset chưa gặp</translation>
    </message>
    <message>
        <source>HTTP status sent when a callback is denied; the license server treats every status other than 200 as a refusal</source>
        <translation>Mã trạng thái HTTP gửi khi callback bị từ chối; máy chủ cấp phép coi mọi mã khác 200 là từ chối</translation>
    </message>
    <message>
        <source>&amp;Default decision:</source>
        <translation>Quyết định &amp;mặc định:</translation>
    </message>
    <message>
        <source>Deny &amp;status:</source>
        <translation>Mã trạng thái khi từ chố&amp;i:</translation>
    </message>
    <message>
        <source>Filter assets</source>
        <translation>Lọc asset</translation>
    </message>
    <message>
        <source>Asset id to add</source>
        <translation>Mã asset cần thêm</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Thêm</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>Remove the selected assets (Delete); they follow the default again</source>
        <translation>Xóa các asset đã chọn (Delete); chúng lại theo mặc định</translation>
    </message>
    <message numerus="yes">
        <source>%n asset(s)</source>
        <translation>
            <numerusform>%n asset</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n asset(s)</source>
        <translation>
            <numerusform>%1 trên %n asset</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryReader</name>
    <message>
        <source>missing</source>
        <translation>bị thiếu</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>phải là object</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>phải là mảng</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>phải là chuỗi</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>phải là số</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>phải là true hoặc false</translation>
    </message>
    <message>
        <source>invalid base64</source>
        <translation>base64 không hợp lệ</translation>
    </message>
</context>
<context>
    <name>ExchangeDetailView</name>
    <message>
        <source>Show Whole Bodies</source>
        <translation>Hiện toàn bộ body</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Tóm tắt</translation>
    </message>
    <message>
        <source>Re&amp;quest</source>
        <translation>&amp;Yêu cầu</translation>
    </message>
    <message>
        <source>Res&amp;ponse</source>
        <translation>&amp;Phản hồi</translation>
    </message>
    <message>
        <source>Select an exchange in the log to see its request, response and findings.</source>
        <translation>Chọn một lượt trao đổi trong nhật ký để xem yêu cầu, phản hồi và các phát hiện của nó.</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>#%1 %2 %3: %4, status %5</source>
        <translation>#%1 %2 %3: %4, trạng thái %5</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Quyết định bởi</translation>
    </message>
    <message>
        <source>Status sent</source>
        <translation>Mã trạng thái đã gửi</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Gửi phản hồi</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Độ trễ</translation>
    </message>
    <message>
        <source>Settings revision</source>
        <translation>Phiên bản cài đặt</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Nhận lúc</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>Callback fields</source>
        <translation>Các trường callback</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Các asset</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>DRM scheme as sent</source>
        <translation>DRM scheme như đã gửi</translation>
    </message>
    <message>
        <source>DRM scheme normalised</source>
        <translation>DRM scheme đã chuẩn hóa</translation>
    </message>
    <message>
        <source>requestMetadata.remoteAddr</source>
        <translation>requestMetadata.remoteAddr</translation>
    </message>
    <message>
        <source>requestMetadata.userAgent</source>
        <translation>requestMetadata.userAgent</translation>
    </message>
    <message>
        <source>extraData</source>
        <translation>extraData</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Kiểu mã hóa</translation>
    </message>
    <message>
        <source>requestMetadata layout</source>
        <translation>Bố cục requestMetadata</translation>
    </message>
    <message>
        <source>Unknown fields</source>
        <translation>Trường không xác định</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Không có.</translation>
    </message>
    <message>
        <source>custom-data header, decoded</source>
        <translation>Header custom-data, đã giải mã</translation>
    </message>
    <message>
        <source>Not valid base64.</source>
        <translation>Không phải base64 hợp lệ.</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Phát hiện</translation>
    </message>
    <message>
        <source>None: the callback and the reply follow the contract.</source>
        <translation>Không có: callback và phản hồi tuân theo đặc tả.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Status %1</source>
        <translation>Trạng thái %1</translation>
    </message>
    <message>
        <source>&amp;Decoded and Timing</source>
        <translation>&amp;Giải mã và thời gian</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>Chép &amp;giá trị</translation>
    </message>
    <message>
        <source>(%L1 more characters)</source>
        <translation>(còn %L1 ký tự)</translation>
    </message>
    <message>
        <source>Number in its run</source>
        <translation>Số thứ tự trong lần chạy</translation>
    </message>
</context>
<context>
    <name>ExchangeFilter</name>
    <message>
        <source>nothing follows &apos;-&apos; at column %1; put a term right after it</source>
        <translation>không có gì sau &apos;-&apos; tại cột %1; hãy đặt một điều kiện ngay sau nó</translation>
    </message>
    <message>
        <source>empty quotes at column %1</source>
        <translation>dấu nháy rỗng tại cột %1</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos; at column %2; did you mean &apos;%3&apos;?</source>
        <translation>trường không xác định &apos;%1&apos; tại cột %2; có phải ý bạn là &apos;%3&apos;?</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos; at column %2; to search for text with a colon, put it in quotes</source>
        <translation>trường không xác định &apos;%1&apos; tại cột %2; để tìm văn bản có dấu hai chấm, hãy đặt nó trong dấu nháy</translation>
    </message>
    <message>
        <source>&apos;%1&apos; at column %2 takes no comparison; write %3:VALUE</source>
        <translation>&apos;%1&apos; tại cột %2 không nhận phép so sánh; hãy viết %3:VALUE</translation>
    </message>
    <message>
        <source>missing closing quote for the quote at column %1</source>
        <translation>thiếu dấu nháy đóng cho dấu nháy tại cột %1</translation>
    </message>
    <message>
        <source>missing value after &apos;%1&apos; at column %2</source>
        <translation>thiếu giá trị sau &apos;%1&apos; tại cột %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes no comparison (column %2)</source>
        <translation>&apos;%1&apos; không nhận phép so sánh (cột %2)</translation>
    </message>
    <message>
        <source>invalid decision &apos;%1&apos; at column %2; use allow, deny or rejected</source>
        <translation>quyết định không hợp lệ &apos;%1&apos; tại cột %2; dùng allow, deny hoặc rejected</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes an exact value, not a prefix (column %2)</source>
        <translation>&apos;%1&apos; nhận một giá trị chính xác, không phải tiền tố (cột %2)</translation>
    </message>
    <message>
        <source>invalid status &apos;%1&apos; at column %2; use a number such as 404, a class such as 4xx, a range such as 400-499 or a comparison such as &gt;=500</source>
        <translation>mã trạng thái không hợp lệ &apos;%1&apos; tại cột %2; dùng một số như 404, một nhóm như 4xx, một khoảng như 400-499 hoặc một phép so sánh như &gt;=500</translation>
    </message>
    <message>
        <source>invalid status range &apos;%1&apos; at column %2; the first number must not be larger</source>
        <translation>khoảng mã trạng thái không hợp lệ &apos;%1&apos; tại cột %2; số đầu không được lớn hơn số sau</translation>
    </message>
    <message>
        <source>invalid latency &apos;%1&apos; at column %2; use a number with a unit such as 250ms or 2s (us, ms, s, m), after &gt; or &lt;, or a range such as 100ms-1s</source>
        <translation>độ trễ không hợp lệ &apos;%1&apos; tại cột %2; dùng một số kèm đơn vị như 250ms hoặc 2s (us, ms, s, m), sau &gt; hoặc &lt;, hoặc một khoảng như 100ms-1s</translation>
    </message>
    <message>
        <source>invalid duration &apos;%1&apos; at column %2; use a number with a unit such as 30s, 15m, 2h or 1d</source>
        <translation>khoảng thời gian không hợp lệ &apos;%1&apos; tại cột %2; dùng một số kèm đơn vị như 30s, 15m, 2h hoặc 1d</translation>
    </message>
    <message>
        <source>invalid date &apos;%1&apos; at column %2; use a local date and time such as 2026-12-04T10:00, a date such as 2026-12-04 or a time such as 10:00</source>
        <translation>ngày giờ không hợp lệ &apos;%1&apos; tại cột %2; dùng ngày giờ địa phương như 2026-12-04T10:00, một ngày như 2026-12-04 hoặc một giờ như 10:00</translation>
    </message>
    <message>
        <source>All terms must match.
asset:ID  user:ID  session:ID  rule:NAME  exact value; end with * for a prefix, as in user:test-*
ip:ADDRESS  the license server&apos;s or the viewer&apos;s address; ip:203.0.113.* for a prefix
status:404  status:4xx  status:400-499  status&gt;=500
decision:allow, deny or rejected   scheme:widevine, fairplay, playready or none   method:post
latency&gt;100ms  latency&lt;2s  latency:100ms-1s   units us, ms, s, m
after:2026-12-04T10:00  before:2026-12-05  since:15m   local time; units s, m, h, d
-term  excludes what the term matches
&quot;quoted text&quot;  a value with spaces, as in user:&quot;a b&quot;
Other words are searched in the request target, the headers and the bodies, ignoring case.</source>
        <translation>Mọi điều kiện phải khớp.
asset:ID  user:ID  session:ID  rule:NAME  giá trị chính xác; thêm * ở cuối để khớp tiền tố, như user:test-*
ip:ADDRESS  địa chỉ của máy chủ cấp phép hoặc của người xem; ip:203.0.113.* để khớp tiền tố
status:404  status:4xx  status:400-499  status&gt;=500
decision:allow, deny hoặc rejected   scheme:widevine, fairplay, playready hoặc none   method:post
latency&gt;100ms  latency&lt;2s  latency:100ms-1s   đơn vị us, ms, s, m
after:2026-12-04T10:00  before:2026-12-05  since:15m   giờ địa phương; đơn vị s, m, h, d
-term  loại trừ những gì điều kiện khớp
&quot;quoted text&quot;  giá trị có dấu cách, như user:&quot;a b&quot;
Các từ khác được tìm trong request target, header và body, không phân biệt hoa thường.</translation>
    </message>
</context>
<context>
    <name>ExchangeImport</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Không thể đọc %1: %2</translation>
    </message>
</context>
<context>
    <name>ExchangeInsight</name>
    <message>
        <source>Header:
%1
Payload:
%2
(signature not verified)</source>
        <translation>Header:
%1
Payload:
%2
(chưa xác minh chữ ký)</translation>
    </message>
    <message>
        <source>The reply follows the callback contract.</source>
        <translation>Phản hồi tuân theo đặc tả callback.</translation>
    </message>
    <message numerus="yes">
        <source>... %n more byte(s)</source>
        <translation>
            <numerusform>... còn %n byte nữa</numerusform>
        </translation>
    </message>
    <message>
        <source>Received: %1
Reply handed to the socket: %2
Latency: %3
Outcome: %4
Settings revision: %5</source>
        <translation>Nhận lúc: %1
Phản hồi được giao cho socket lúc: %2
Độ trễ: %3
Kết quả: %4
Phiên bản cài đặt: %5</translation>
    </message>
    <message>
        <source>== Reply checked against the callback contract
%1
</source>
        <translation>== Phản hồi được kiểm tra theo đặc tả callback
%1
</translation>
    </message>
    <message>
        <source>
== custom-data header
%1
</source>
        <translation>
== Header custom-data
%1
</translation>
    </message>
    <message>
        <source>(not base64 of a JSON object)</source>
        <translation>(không phải base64 của một JSON object)</translation>
    </message>
    <message>
        <source>
== Session (JWT)
%1
</source>
        <translation>
== Session (JWT)
%1
</translation>
    </message>
    <message>
        <source>
== Request form fields
%1</source>
        <translation>
== Các trường form của yêu cầu
%1</translation>
    </message>
    <message>
        <source>
== Timing
%1
</source>
        <translation>
== Thời gian
%1
</translation>
    </message>
    <message>
        <source>
== Request body, hex
%1</source>
        <translation>
== Body yêu cầu, dạng hex
%1</translation>
    </message>
</context>
<context>
    <name>ExchangeJson</name>
    <message>
        <source>&apos;%1&apos; must be %2</source>
        <translation>&apos;%1&apos; phải là %2</translation>
    </message>
    <message>
        <source>unknown drmSchemeKind &apos;%1&apos;</source>
        <translation>drmSchemeKind không xác định &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown encoding &apos;%1&apos;</source>
        <translation>encoding không xác định &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown metadataLayout &apos;%1&apos;</source>
        <translation>metadataLayout không xác định &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown severity &apos;%1&apos; at %2</source>
        <translation>severity không xác định &apos;%1&apos; tại %2</translation>
    </message>
</context>
<context>
    <name>ExchangeLogModel</name>
    <message>
        <source>Viewer&apos;s IP address from requestMetadata; the request came from %1</source>
        <translation>Địa chỉ IP của người xem lấy từ requestMetadata; yêu cầu đến từ %1</translation>
    </message>
    <message>
        <source>%1, client gone</source>
        <translation>%1, client đã ngắt</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>đã đóng</translation>
    </message>
    <message>
        <source>no reply</source>
        <translation>không phản hồi</translation>
    </message>
</context>
<context>
    <name>ExchangeStore</name>
    <message>
        <source>the file is an SQLite database but not a CallbackLab request log</source>
        <translation>tệp là cơ sở dữ liệu SQLite nhưng không phải nhật ký yêu cầu của CallbackLab</translation>
    </message>
    <message>
        <source>the log was written by a newer CallbackLab (schema version %1, this one knows %2)</source>
        <translation>nhật ký được ghi bởi CallbackLab mới hơn (phiên bản schema %1, bản này chỉ hiểu %2)</translation>
    </message>
    <message>
        <source>the file cannot use write-ahead logging (journal mode stays &apos;%1&apos;)</source>
        <translation>tệp không dùng được write-ahead logging (journal mode vẫn là &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>the folder %1 cannot be created</source>
        <translation>không thể tạo thư mục %1</translation>
    </message>
    <message>
        <source>the log is in use by another process (%1, process id %2 on %3)</source>
        <translation>nhật ký đang được một tiến trình khác sử dụng (%1, process id %2 trên %3)</translation>
    </message>
    <message>
        <source>the lock file %1.lock cannot be created; check that the folder is writable</source>
        <translation>không thể tạo tệp khóa %1.lock; hãy kiểm tra thư mục có quyền ghi không</translation>
    </message>
    <message>
        <source>the log is in use by another process</source>
        <translation>nhật ký đang được một tiến trình khác sử dụng</translation>
    </message>
    <message>
        <source>the request log is not open</source>
        <translation>nhật ký yêu cầu chưa được mở</translation>
    </message>
    <message>
        <source>the file is damaged or not an SQLite database (%1)</source>
        <translation>tệp bị hỏng hoặc không phải cơ sở dữ liệu SQLite (%1)</translation>
    </message>
    <message>
        <source>the file is locked by another program (%1)</source>
        <translation>tệp đang bị một chương trình khác khóa (%1)</translation>
    </message>
    <message>
        <source>the file cannot be opened or created (%1); check that its folder exists and is writable</source>
        <translation>không mở hoặc tạo được tệp (%1); hãy kiểm tra thư mục của nó có tồn tại và ghi được không</translation>
    </message>
    <message>
        <source>the file is read-only (%1)</source>
        <translation>tệp chỉ đọc (%1)</translation>
    </message>
    <message>
        <source>the query was interrupted</source>
        <translation>truy vấn đã bị ngắt</translation>
    </message>
    <message>
        <source>the disk is full (%1)</source>
        <translation>đĩa đã đầy (%1)</translation>
    </message>
    <message>
        <source>Parsed fields longer than %L1 characters were cut in the request log; the body shows what was sent</source>
        <translation>Các trường đã phân tích dài hơn %L1 ký tự đã bị cắt trong nhật ký yêu cầu; body cho thấy những gì đã gửi</translation>
    </message>
    <message>
        <source>the file is read-only; make it writable or choose another file</source>
        <translation>tệp chỉ đọc; hãy cho phép ghi hoặc chọn tệp khác</translation>
    </message>
</context>
<context>
    <name>ExchangeStoreReader</name>
    <message>
        <source>the file does not exist</source>
        <translation>tệp không tồn tại</translation>
    </message>
    <message>
        <source>the log was written by a newer CallbackLab (schema version %1, this one knows %2)</source>
        <translation>nhật ký được ghi bởi CallbackLab mới hơn (phiên bản schema %1, bản này chỉ hiểu %2)</translation>
    </message>
    <message>
        <source>the file is not a CallbackLab request log</source>
        <translation>tệp không phải nhật ký yêu cầu của CallbackLab</translation>
    </message>
    <message>
        <source>the request log is not open</source>
        <translation>nhật ký yêu cầu chưa được mở</translation>
    </message>
    <message>
        <source>a request log reader was used from another thread than the one that opened it</source>
        <translation>một reader của nhật ký yêu cầu được dùng từ luồng khác với luồng đã mở nó</translation>
    </message>
    <message>
        <source>exchange %1 is not in the log; retention may have removed it</source>
        <translation>lượt trao đổi %1 không có trong nhật ký; có thể đã bị xóa theo chính sách lưu giữ</translation>
    </message>
</context>
<context>
    <name>ExchangeText</name>
    <message>
        <source>Allow</source>
        <translation>Cho phép</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Bác bỏ</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>Client disconnected before the reply was written</source>
        <translation>Client ngắt kết nối trước khi phản hồi được ghi</translation>
    </message>
    <message>
        <source>Connection closed without a reply, as set</source>
        <translation>Đóng kết nối mà không phản hồi, theo cấu hình</translation>
    </message>
    <message>
        <source>Never answered, until the client gave up</source>
        <translation>Không bao giờ phản hồi, cho đến khi client bỏ cuộc</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>JSON body</source>
        <translation>Body JSON</translation>
    </message>
    <message>
        <source>URL-encoded form body</source>
        <translation>Body form URL-encoded</translation>
    </message>
    <message>
        <source>query string</source>
        <translation>query string</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation>JSON object</translation>
    </message>
    <message>
        <source>bracket style, requestMetadata[remoteAddr]</source>
        <translation>kiểu ngoặc vuông, requestMetadata[remoteAddr]</translation>
    </message>
    <message>
        <source>dot style, requestMetadata.remoteAddr</source>
        <translation>kiểu dấu chấm, requestMetadata.remoteAddr</translation>
    </message>
    <message>
        <source>JSON text in one form field</source>
        <translation>văn bản JSON trong một trường form</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Phương thức</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>DRM scheme</source>
        <translation>DRM scheme</translation>
    </message>
    <message>
        <source>Client IP</source>
        <translation>IP client</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Độ trễ</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>callbacklab: %1
Try &apos;callbacklab export --help&apos; for more information.
</source>
        <translation>callbacklab: %1
Chạy &apos;callbacklab export --help&apos; để xem thêm thông tin.
</translation>
    </message>
    <message>
        <source>Writes exchanges from a request log to a HAR 1.2 or JSON Lines file. Prints how many were written.</source>
        <translation>Ghi các lượt trao đổi từ nhật ký yêu cầu ra tệp HAR 1.2 hoặc JSON Lines. In ra số lượt đã ghi.</translation>
    </message>
    <message>
        <source>Read the request log FILE.</source>
        <translation>Đọc tệp nhật ký yêu cầu FILE.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Output format: har or jsonl (one exchange per line).</source>
        <translation>Định dạng đầu ra: har hoặc jsonl (mỗi dòng một lượt trao đổi).</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Export only exchanges that match the filter EXPR, such as &apos;user:alice status:4xx since:1h&apos;.</source>
        <translation>Chỉ xuất các lượt trao đổi khớp bộ lọc EXPR, ví dụ &apos;user:alice status:4xx since:1h&apos;.</translation>
    </message>
    <message>
        <source>EXPR</source>
        <translation>EXPR</translation>
    </message>
    <message>
        <source>Replace users, sessions, IP addresses and user agents with placeholders (user-1, session-1, 192.0.2.1, ua-1).</source>
        <translation>Thay user, session, địa chỉ IP và user agent bằng giá trị giả (user-1, session-1, 192.0.2.1, ua-1).</translation>
    </message>
    <message>
        <source>Write to FILE; - for standard output.</source>
        <translation>Ghi vào FILE; - là đầu ra chuẩn.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>đối số không mong đợi &apos;%1&apos;</translation>
    </message>
    <message>
        <source>missing --log-db FILE</source>
        <translation>thiếu --log-db FILE</translation>
    </message>
    <message>
        <source>missing --output FILE</source>
        <translation>thiếu --output FILE</translation>
    </message>
    <message>
        <source>missing --format har|jsonl</source>
        <translation>thiếu --format har|jsonl</translation>
    </message>
    <message>
        <source>invalid value for --format: &apos;%1&apos; is not har or jsonl</source>
        <translation>giá trị không hợp lệ cho --format: &apos;%1&apos; không phải har hoặc jsonl</translation>
    </message>
    <message>
        <source>invalid value for --filter: %1</source>
        <translation>giá trị không hợp lệ cho --filter: %1</translation>
    </message>
    <message>
        <source>callbacklab: %1
</source>
        <translation>callbacklab: %1
</translation>
    </message>
    <message>
        <source>callbacklab: invalid filter: %1
</source>
        <translation>callbacklab: bộ lọc không hợp lệ: %1
</translation>
    </message>
    <message>
        <source>callbacklab: cannot write %1: %2
</source>
        <translation>callbacklab: không thể ghi %1: %2
</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n exchange(s) to %1
</source>
        <translation>
            <numerusform>Đã ghi %n lượt trao đổi vào %1
</numerusform>
        </translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>đầu ra chuẩn</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>&amp;Selected rows (%n)</source>
        <translation>
            <numerusform>Các dòng đã &amp;chọn (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Every exchange matching the filter (%n)</source>
        <translation>
            <numerusform>&amp;Mọi lượt trao đổi khớp bộ lọc (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Redact users, sessions, IP addresses and user agents</source>
        <translation>Ẩn &amp;danh user, session, địa chỉ IP và user agent</translation>
    </message>
    <message>
        <source>Export Exchanges</source>
        <translation>Xuất lượt trao đổi</translation>
    </message>
    <message>
        <source>HAR 1.2</source>
        <translation>HAR 1.2</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>Replaces each value with a placeholder such as user-1, the same one wherever the value occurs, so a capture can be attached to a bug report.</source>
        <translation>Thay mỗi giá trị bằng một giá trị giả như user-1, giống nhau ở mọi chỗ giá trị đó xuất hiện, để có thể đính kèm bản ghi vào báo cáo lỗi.</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>Định &amp;dạng:</translation>
    </message>
    <message>
        <source>Exchanges:</source>
        <translation>Lượt trao đổi:</translation>
    </message>
    <message>
        <source>Choose &amp;File...</source>
        <translation>Chọn &amp;tệp...</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>Tệp %1</translation>
    </message>
</context>
<context>
    <name>HarFormat</name>
    <message>
        <source>invalid base64</source>
        <translation>base64 không hợp lệ</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>phải là object</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 8601 date and time</source>
        <translation>&apos;%1&apos; không phải ngày giờ ISO 8601</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>rỗng</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid URL</source>
        <translation>&apos;%1&apos; không phải URL hợp lệ</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not allow, deny or rejected</source>
        <translation>&apos;%1&apos; không phải allow, deny hoặc rejected</translation>
    </message>
    <message>
        <source>unknown outcome &apos;%1&apos;</source>
        <translation>outcome không xác định &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the file is not valid JSON (byte %1: %2)</source>
        <translation>tệp không phải JSON hợp lệ (byte %1: %2)</translation>
    </message>
    <message>
        <source>the file is not a HAR file: log.entries is missing</source>
        <translation>tệp không phải tệp HAR: thiếu log.entries</translation>
    </message>
</context>
<context>
    <name>HistoryActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Hoàn tác %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Làm lại %1</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>TLS is not available: no TLS backend could be loaded</source>
        <translation>TLS không khả dụng: không nạp được backend TLS nào</translation>
    </message>
    <message>
        <source>the reply is not HTTP; it starts with &quot;%1&quot;</source>
        <translation>phản hồi không phải HTTP; nó bắt đầu bằng &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the reply&apos;s status line is longer than 8192 bytes</source>
        <translation>dòng trạng thái của phản hồi dài hơn 8192 byte</translation>
    </message>
    <message>
        <source>the reply&apos;s headers are larger than %1 bytes</source>
        <translation>header của phản hồi lớn hơn %1 byte</translation>
    </message>
    <message>
        <source>the reply body is larger than %1 bytes</source>
        <translation>body của phản hồi lớn hơn %1 byte</translation>
    </message>
    <message>
        <source>the reply has an invalid chunk size line</source>
        <translation>phản hồi có dòng kích thước chunk không hợp lệ</translation>
    </message>
    <message>
        <source>the reply has an invalid chunk size &quot;%1&quot;</source>
        <translation>phản hồi có kích thước chunk không hợp lệ &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the reply has chunk data longer than its chunk size</source>
        <translation>phản hồi có dữ liệu chunk dài hơn kích thước chunk</translation>
    </message>
    <message>
        <source>the reply has an invalid status line &quot;%1&quot;</source>
        <translation>phản hồi có dòng trạng thái không hợp lệ &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the reply has an invalid header line &quot;%1&quot;</source>
        <translation>phản hồi có dòng header không hợp lệ &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the reply has an invalid Content-Length &quot;%1&quot;</source>
        <translation>phản hồi có Content-Length không hợp lệ &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the server closed the connection without replying</source>
        <translation>máy chủ đóng kết nối mà không phản hồi</translation>
    </message>
    <message>
        <source>the server closed the connection after %1 bytes, before the reply was complete</source>
        <translation>máy chủ đóng kết nối sau %1 byte, trước khi phản hồi hoàn tất</translation>
    </message>
    <message>
        <source>connection to %1 refused</source>
        <translation>kết nối tới %1 bị từ chối</translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation>không tìm thấy host %1</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>bắt tay TLS với %1 thất bại: %2</translation>
    </message>
    <message>
        <source>socket timed out: %1</source>
        <translation>socket hết thời gian chờ: %1</translation>
    </message>
    <message>
        <source>cannot reach %1: %2</source>
        <translation>không thể kết nối tới %1: %2</translation>
    </message>
    <message>
        <source>no connection to %1 within %2 ms</source>
        <translation>không kết nối được tới %1 trong vòng %2 ms</translation>
    </message>
    <message>
        <source>no reply within %1 ms</source>
        <translation>không có phản hồi trong vòng %1 ms</translation>
    </message>
    <message>
        <source>reply incomplete after %1 ms (%2 bytes received)</source>
        <translation>phản hồi chưa hoàn tất sau %1 ms (đã nhận %2 byte)</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>đã hủy</translation>
    </message>
</context>
<context>
    <name>HttpConnectionTracker</name>
    <message>
        <source>invalid request line &quot;%1&quot;; expected METHOD TARGET HTTP/1.1</source>
        <translation>dòng yêu cầu không hợp lệ &quot;%1&quot;; cần dạng METHOD TARGET HTTP/1.1</translation>
    </message>
    <message>
        <source>request line longer than %1 bytes</source>
        <translation>dòng yêu cầu dài hơn %1 byte</translation>
    </message>
    <message>
        <source>HTTP version &quot;%1&quot; is not supported; use HTTP/1.1 or HTTP/1.0</source>
        <translation>không hỗ trợ phiên bản HTTP &quot;%1&quot;; hãy dùng HTTP/1.1 hoặc HTTP/1.0</translation>
    </message>
    <message>
        <source>invalid header line &quot;%1&quot;</source>
        <translation>dòng header không hợp lệ &quot;%1&quot;</translation>
    </message>
    <message>
        <source>header block larger than %1 bytes</source>
        <translation>khối header lớn hơn %1 byte</translation>
    </message>
    <message>
        <source>more than %1 header fields</source>
        <translation>nhiều hơn %1 trường header</translation>
    </message>
    <message>
        <source>invalid Content-Length &quot;%1&quot;</source>
        <translation>Content-Length không hợp lệ &quot;%1&quot;</translation>
    </message>
    <message>
        <source>request has both Transfer-Encoding and Content-Length</source>
        <translation>yêu cầu có cả Transfer-Encoding lẫn Content-Length</translation>
    </message>
    <message>
        <source>Transfer-Encoding &quot;%1&quot; is not supported; only chunked is</source>
        <translation>không hỗ trợ Transfer-Encoding &quot;%1&quot;; chỉ hỗ trợ chunked</translation>
    </message>
    <message>
        <source>request body of %1 bytes exceeds the limit of %2 bytes</source>
        <translation>body yêu cầu %1 byte vượt quá giới hạn %2 byte</translation>
    </message>
    <message>
        <source>chunked request body of at least %1 bytes exceeds the limit of %2 bytes</source>
        <translation>body yêu cầu dạng chunked ít nhất %1 byte vượt quá giới hạn %2 byte</translation>
    </message>
    <message>
        <source>invalid chunked body framing near &quot;%1&quot;</source>
        <translation>khung body chunked không hợp lệ gần &quot;%1&quot;</translation>
    </message>
    <message>
        <source>trailer fields after a chunked body are not supported</source>
        <translation>không hỗ trợ trường trailer sau body chunked</translation>
    </message>
</context>
<context>
    <name>HttpServerAdapter</name>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Không thể lắng nghe trên %1 cổng %2: %3</translation>
    </message>
    <message>
        <source>The client closed the connection in the middle of a request</source>
        <translation>Client đã đóng kết nối giữa chừng một yêu cầu</translation>
    </message>
    <message>
        <source>The server lost track of the request framing and closed the connection</source>
        <translation>Máy chủ mất dấu khung yêu cầu và đã đóng kết nối</translation>
    </message>
    <message>
        <source>The server stopped before the reply was sent</source>
        <translation>Máy chủ đã dừng trước khi phản hồi được gửi</translation>
    </message>
    <message>
        <source>Closed the connection after %1 ms without the rest of the request</source>
        <translation>Đã đóng kết nối sau %1 ms mà không nhận được phần còn lại của yêu cầu</translation>
    </message>
    <message>
        <source>address already in use</source>
        <translation>địa chỉ đang được sử dụng</translation>
    </message>
    <message>
        <source>permission denied (ports below 1024 need administrator rights)</source>
        <translation>không có quyền (cổng dưới 1024 cần quyền quản trị)</translation>
    </message>
    <message>
        <source>the address does not belong to this computer</source>
        <translation>địa chỉ không thuộc máy tính này</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>callbacklab: %1
Try &apos;callbacklab import --help&apos; for more information.
</source>
        <translation>callbacklab: %1
Chạy &apos;callbacklab import --help&apos; để xem thêm thông tin.
</translation>
    </message>
    <message>
        <source>Adds the exchanges of HAR 1.2 or JSON Lines files to a request log as captured callbacks. Prints how many each file added. A malformed entry is reported with its position and left out; the other entries are added.</source>
        <translation>Thêm các lượt trao đổi trong tệp HAR 1.2 hoặc JSON Lines vào một nhật ký yêu cầu, dưới dạng callback đã bắt. In số lượt mỗi tệp đã thêm. Mục hỏng được báo kèm vị trí và bị bỏ qua; các mục khác vẫn được thêm.</translation>
    </message>
    <message>
        <source>Add to the request log FILE (default: %1). The log must not be open in the window or in &apos;callbacklab serve&apos;.</source>
        <translation>Thêm vào nhật ký yêu cầu FILE (mặc định: %1). Nhật ký không được đang mở trong cửa sổ hay trong &apos;callbacklab serve&apos;.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>HAR or JSON Lines files to import.</source>
        <translation>Các tệp HAR hoặc JSON Lines cần nhập.</translation>
    </message>
    <message>
        <source>missing FILE after --log-db</source>
        <translation>thiếu FILE sau --log-db</translation>
    </message>
    <message>
        <source>missing FILE to import</source>
        <translation>thiếu FILE cần nhập</translation>
    </message>
    <message>
        <source>callbacklab: %1
</source>
        <translation>callbacklab: %1
</translation>
    </message>
    <message>
        <source>callbacklab: %1: %2
</source>
        <translation>callbacklab: %1: %2
</translation>
    </message>
    <message numerus="yes">
        <source>callbacklab: %1: %n exchange(s) could not be stored</source>
        <translation>
            <numerusform>callbacklab: %1: không lưu được %n lượt trao đổi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n exchange(s) from %1</source>
        <translation>
            <numerusform>Đã thêm %n lượt trao đổi từ %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n exchange(s) to %1</source>
        <translation>
            <numerusform>Đã thêm %n lượt trao đổi vào %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>callbacklab: %1: %n more entries left out</source>
        <translation>
            <numerusform>callbacklab: %1: bỏ qua thêm %n mục</numerusform>
        </translation>
    </message>
    <message>
        <source>callbacklab: %1: no exchanges found; is it a HAR or JSON Lines file?
</source>
        <translation>callbacklab: %1: không tìm thấy lượt trao đổi nào; đây có phải tệp HAR hoặc JSON Lines không?
</translation>
    </message>
</context>
<context>
    <name>ImportIssue</name>
    <message>
        <source> at %1</source>
        <translation> tại %1</translation>
    </message>
    <message>
        <source>line %1 (exchange %2)%3: %4</source>
        <translation>dòng %1 (lượt trao đổi %2)%3: %4</translation>
    </message>
    <message>
        <source>log.entries[%1]%2: %3</source>
        <translation>log.entries[%1]%2: %3</translation>
    </message>
</context>
<context>
    <name>JUnitReport</name>
    <message>
        <source>Location: %1</source>
        <translation>Vị trí: %1</translation>
    </message>
    <message>
        <source>any</source>
        <translation>bất kỳ</translation>
    </message>
    <message>
        <source>expected: %1 %2</source>
        <translation>mong đợi: %1 %2</translation>
    </message>
    <message>
        <source>actual:   %1 %2 in %3 ms</source>
        <translation>thực tế: %1 %2 trong %3 ms</translation>
    </message>
    <message>
        <source>body diff:
%1</source>
        <translation>khác biệt body:
%1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>không thể ghi %1: %2</translation>
    </message>
</context>
<context>
    <name>JsonDiff</name>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>(body)</source>
        <translation>(body)</translation>
    </message>
</context>
<context>
    <name>JsonLinesFormat</name>
    <message>
        <source>must be an object</source>
        <translation>phải là object</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 8601 date and time</source>
        <translation>&apos;%1&apos; không phải ngày giờ ISO 8601</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not &quot;%2&quot;</source>
        <translation>&apos;%1&apos; không phải &quot;%2&quot;</translation>
    </message>
    <message>
        <source>version %1 is not supported; this CallbackLab reads version %2</source>
        <translation>không hỗ trợ phiên bản %1; CallbackLab này đọc phiên bản %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not allow, deny or rejected</source>
        <translation>&apos;%1&apos; không phải allow, deny hoặc rejected</translation>
    </message>
    <message>
        <source>unknown outcome &apos;%1&apos;</source>
        <translation>outcome không xác định &apos;%1&apos;</translation>
    </message>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation>JSON không hợp lệ tại byte %1: %2</translation>
    </message>
    <message>
        <source>the line is not a JSON object</source>
        <translation>dòng không phải JSON object</translation>
    </message>
</context>
<context>
    <name>LogViewPanel</name>
    <message>
        <source>Reading the log failed: %1</source>
        <translation>Đọc nhật ký thất bại: %1</translation>
    </message>
    <message>
        <source>&amp;Follow Newest</source>
        <translation>&amp;Theo dõi mới nhất</translation>
    </message>
    <message>
        <source>Keep the newest exchange in view</source>
        <translation>Luôn hiển thị lượt trao đổi mới nhất</translation>
    </message>
    <message>
        <source>&amp;Pause Capture</source>
        <translation>Tạm &amp;dừng ghi</translation>
    </message>
    <message>
        <source>Stop storing exchanges in the log; callbacks are still answered</source>
        <translation>Ngừng lưu lượt trao đổi vào nhật ký; callback vẫn được trả lời</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>&amp;Sao chép dạng curl</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>&amp;Xuất...</translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation>&amp;Nhập...</translation>
    </message>
    <message>
        <source>Add Field &amp;Column...</source>
        <translation>Thêm &amp;cột trường...</translation>
    </message>
    <message>
        <source>Show a callback body field by name as a column</source>
        <translation>Hiển thị một trường trong body callback thành cột, theo tên trường</translation>
    </message>
    <message>
        <source>Filter: user:bob status:4xx -decision:allow text (Ctrl+F)</source>
        <translation>Lọc: user:bob status:4xx -decision:allow văn bản (Ctrl+F)</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Lượt trao đổi</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Request log not opened</source>
        <translation>Chưa mở nhật ký yêu cầu</translation>
    </message>
    <message>
        <source>The request log %1 could not be opened: %2</source>
        <translation>Không thể mở nhật ký yêu cầu %1: %2</translation>
    </message>
    <message>
        <source>Exchanges are answered but not stored until a log is open. The file is left as it is. Use a new file %1?</source>
        <translation>Các lượt trao đổi vẫn được trả lời nhưng không được lưu cho đến khi mở được một nhật ký. Tệp được giữ nguyên. Dùng tệp mới %1?</translation>
    </message>
    <message>
        <source>Use New File</source>
        <translation>Dùng tệp mới</translation>
    </message>
    <message>
        <source>Continue Without Log</source>
        <translation>Tiếp tục không có nhật ký</translation>
    </message>
    <message numerus="yes">
        <source>%n exchange(s)</source>
        <translation>
            <numerusform>%n lượt trao đổi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matching</source>
        <translation>
            <numerusform>%n lượt khớp</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(capture paused, %n not stored)</source>
        <translation>
            <numerusform>(đang tạm dừng ghi, %n lượt chưa được lưu)</numerusform>
        </translation>
    </message>
    <message>
        <source>Field Columns</source>
        <translation>Cột trường</translation>
    </message>
    <message>
        <source>Callback body fields to show as columns, separated by commas (a dot for nested fields):</source>
        <translation>Các trường trong body callback cần hiển thị thành cột, cách nhau bằng dấu phẩy (dùng dấu chấm cho trường lồng nhau):</translation>
    </message>
    <message>
        <source>HAR (*.har)</source>
        <translation>HAR (*.har)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Exchanges</source>
        <translation>Xuất lượt trao đổi</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Không thể ghi %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n exchange(s) to %1</source>
        <translation>
            <numerusform>Đã xuất %n lượt trao đổi vào %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Exchanges</source>
        <translation>Nhập lượt trao đổi</translation>
    </message>
    <message>
        <source>HAR or JSON Lines (*.har *.jsonl *.json);;All files (*)</source>
        <translation>HAR hoặc JSON Lines (*.har *.jsonl *.json);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <source>The request log is not open</source>
        <translation>Nhật ký yêu cầu chưa được mở</translation>
    </message>
    <message>
        <source>The request log is not open; import the file again once it is</source>
        <translation>Nhật ký yêu cầu chưa được mở; hãy nhập lại tệp khi nhật ký đã mở</translation>
    </message>
    <message numerus="yes">
        <source>The request log was closed during the import; %n exchange(s) were added</source>
        <translation>
            <numerusform>Nhật ký yêu cầu đã bị đóng trong lúc nhập; đã thêm %n lượt trao đổi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n exchange(s) could not be stored since the log was opened)</source>
        <translation>
            <numerusform>(%n lượt trao đổi không lưu được kể từ khi mở nhật ký)</numerusform>
        </translation>
    </message>
    <message>
        <source>(previous filter still applies)</source>
        <translation>(bộ lọc trước vẫn được áp dụng)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n exchange(s); %1 entries were left out.</source>
        <translation>
            <numerusform>Đã nhập %n lượt trao đổi; bỏ qua %1 mục.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Decisions</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>CRT</source>
        <translation>CRT</translation>
    </message>
    <message>
        <source>Custom rights token sent with an allowed callback</source>
        <translation>Custom rights token (CRT) gửi kèm callback được cho phép</translation>
    </message>
    <message>
        <source>Changes are not saved</source>
        <translation>Thay đổi chưa được lưu</translation>
    </message>
    <message>
        <source>No profile file is in use; choose File &gt; Save Profile As to keep your changes</source>
        <translation>Chưa dùng tệp hồ sơ nào; chọn Tệp &gt; Lưu hồ sơ thành để giữ các thay đổi</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Máy chủ</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Bắt đầu</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Dừng</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About CallbackLab</source>
        <translation>&amp;Giới thiệu CallbackLab</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Giới thiệu &amp;Qt</translation>
    </message>
    <message>
        <source>Listening for callbacks at %1</source>
        <translation>Đang lắng nghe callback tại %1</translation>
    </message>
    <message>
        <source>The server did not start: %1</source>
        <translation>Máy chủ không khởi động được: %1</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>Máy chủ đã dừng</translation>
    </message>
    <message>
        <source>Bad request from %1: %2</source>
        <translation>Yêu cầu không hợp lệ từ %1: %2</translation>
    </message>
    <message>
        <source>Saving the profile %1 failed: %2</source>
        <translation>Lưu hồ sơ %1 thất bại: %2</translation>
    </message>
    <message>
        <source>Changes are saved to %1</source>
        <translation>Thay đổi được lưu vào %1</translation>
    </message>
    <message>
        <source>About CallbackLab</source>
        <translation>Giới thiệu CallbackLab</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;CallbackLab %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Stands in for a content provider&apos;s DRM license-authorization callback (Sigma DRM callback authorization): answers each callback with the decision and custom rights token (CRT) you set, and shows every exchange with the places where it departs from the callback contract.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;CallbackLab %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Đóng vai callback xác thực cấp giấy phép DRM của nhà cung cấp nội dung (Sigma DRM callback authorization): trả lời mỗi callback bằng quyết định và custom rights token (CRT) bạn đặt, đồng thời hiển thị mọi lượt trao đổi cùng những chỗ lệch khỏi đặc tả callback.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Quy tắc</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Bộ đếm</translation>
    </message>
    <message>
        <source>&amp;Make Rule from Exchange</source>
        <translation>&amp;Tạo quy tắc từ lượt trao đổi</translation>
    </message>
    <message>
        <source>Make &amp;Asset Row (Deny)</source>
        <translation>Tạo dòng &amp;asset (Từ chối)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>Select an exchange in the log to make a rule from it</source>
        <translation>Chọn một lượt trao đổi trong nhật ký để tạo quy tắc từ đó</translation>
    </message>
    <message>
        <source>Select an exchange with an asset in the log</source>
        <translation>Chọn một lượt trao đổi có asset trong nhật ký</translation>
    </message>
    <message>
        <source>Deny asset %1</source>
        <translation>Từ chối asset %1</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Công cụ</translation>
    </message>
    <message>
        <source>&amp;Replay...</source>
        <translation>&amp;Phát lại...</translation>
    </message>
    <message>
        <source>Replay &amp;Selected Exchanges</source>
        <translation>Phát lại các lượt trao đổi đã &amp;chọn</translation>
    </message>
    <message>
        <source>Select exchanges in the log to replay them</source>
        <translation>Chọn các lượt trao đổi trong nhật ký để phát lại</translation>
    </message>
    <message>
        <source>Request Log</source>
        <translation>Nhật ký yêu cầu</translation>
    </message>
    <message>
        <source>Live (This Session)</source>
        <translation>Trực tiếp (phiên này)</translation>
    </message>
    <message>
        <source>Every exchange kept in the request log file, with filters, sessions and export</source>
        <translation>Mọi lượt trao đổi được lưu trong tệp nhật ký yêu cầu, với bộ lọc, session và xuất dữ liệu</translation>
    </message>
    <message>
        <source>Exchanges of this session, kept in memory</source>
        <translation>Các lượt trao đổi của phiên này, giữ trong bộ nhớ</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Nhập thất bại: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n exchange(s), %1 left out</source>
        <translation>
            <numerusform>Đã nhập %n lượt trao đổi, bỏ qua %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied the request as a curl command</source>
        <translation>Đã chép yêu cầu thành lệnh curl</translation>
    </message>
</context>
<context>
    <name>MasterSwitchBar</name>
    <message>
        <source>Off: rules and assets decide</source>
        <translation>Tắt: quy tắc và asset quyết định</translation>
    </message>
    <message>
        <source>Allow all</source>
        <translation>Cho phép tất cả</translation>
    </message>
    <message>
        <source>Deny all</source>
        <translation>Từ chối tất cả</translation>
    </message>
    <message>
        <source>Answers every callback the same way, ignoring rules, assets and the default decision</source>
        <translation>Trả lời mọi callback theo cùng một cách, bỏ qua quy tắc, asset và quyết định mặc định</translation>
    </message>
    <message>
        <source>Master switch:</source>
        <translation>Công tắc tổng:</translation>
    </message>
    <message>
        <source>Master switch %1</source>
        <translation>Công tắc tổng: %1</translation>
    </message>
    <message>
        <source>Allow all is on: rules and assets are ignored</source>
        <translation>Đang bật Cho phép tất cả: quy tắc và asset bị bỏ qua</translation>
    </message>
    <message>
        <source>Deny all is on: rules and assets are ignored</source>
        <translation>Đang bật Từ chối tất cả: quy tắc và asset bị bỏ qua</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>Chép &amp;giá trị</translation>
    </message>
    <message>
        <source>Copy &amp;Name</source>
        <translation>Chép &amp;tên</translation>
    </message>
    <message>
        <source>Copy &amp;Line</source>
        <translation>Chép cả &amp;dòng</translation>
    </message>
    <message>
        <source>Copy &amp;All</source>
        <translation>Chép &amp;tất cả</translation>
    </message>
    <message>
        <source>[cut after %L1 of %L2 bytes; choose Show Whole Bodies to see the rest]</source>
        <translation>[cắt sau %L1 trên %L2 byte; chọn Hiện toàn bộ body để xem phần còn lại]</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Formatted JSON</source>
        <translation>JSON định dạng</translation>
    </message>
    <message>
        <source>Form Fields</source>
        <translation>Các trường form</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>&amp;Body as:</source>
        <translation>Hiện &amp;body dạng:</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
        </translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation>(body rỗng)</translation>
    </message>
    <message>
        <source>The body is too long to format (%L1 bytes); choose Show Whole Bodies.</source>
        <translation>Body quá dài để định dạng (%L1 byte); hãy chọn Hiện toàn bộ body.</translation>
    </message>
    <message>
        <source>The body has no form fields.</source>
        <translation>Body không có trường form nào.</translation>
    </message>
    <message>
        <source>The body is not JSON: %1 at offset %2.</source>
        <translation>Body không phải JSON: %1 tại vị trí %2.</translation>
    </message>
    <message>
        <source>%L1 of %L2 bytes: the request log kept only the start</source>
        <translation>%L1 trên %L2 byte: nhật ký yêu cầu chỉ giữ phần đầu</translation>
    </message>
</context>
<context>
    <name>ProfileController</name>
    <message>
        <source>&amp;New Profile</source>
        <translation>&amp;Hồ sơ mới</translation>
    </message>
    <message>
        <source>&amp;Open Profile...</source>
        <translation>&amp;Mở hồ sơ...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Mở &amp;gần đây</translation>
    </message>
    <message>
        <source>Save Profile &amp;As...</source>
        <translation>&amp;Lưu hồ sơ thành...</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Hồ sơ mới</translation>
    </message>
    <message>
        <source>Profile not saved</source>
        <translation>Chưa lưu hồ sơ</translation>
    </message>
    <message>
        <source>The profile could not be saved to %1: %2</source>
        <translation>Không thể lưu hồ sơ vào %1: %2</translation>
    </message>
    <message>
        <source>Profile not loaded</source>
        <translation>Chưa nạp hồ sơ</translation>
    </message>
    <message>
        <source>The profile %1 could not be loaded.</source>
        <translation>Không thể nạp hồ sơ %1.</translation>
    </message>
    <message>
        <source>Changes are not saved until you choose a file with Save As.</source>
        <translation>Thay đổi sẽ không được lưu cho đến khi bạn chọn tệp bằng Lưu thành.</translation>
    </message>
    <message>
        <source>Changes are still saved to %1.</source>
        <translation>Thay đổi vẫn được lưu vào %1.</translation>
    </message>
    <message>
        <source>%1

The current settings stay in use and the file is left unchanged. %2</source>
        <translation>%1

Cài đặt hiện tại vẫn được dùng và tệp được giữ nguyên. %2</translation>
    </message>
    <message>
        <source>Save As...</source>
        <translation>Lưu thành...</translation>
    </message>
    <message>
        <source>Untitled, not saved - CallbackLab</source>
        <translation>Chưa đặt tên, chưa lưu - CallbackLab</translation>
    </message>
    <message>
        <source>%1 - CallbackLab</source>
        <translation>%1 - CallbackLab</translation>
    </message>
    <message>
        <source>Open Profile</source>
        <translation>Mở hồ sơ</translation>
    </message>
    <message>
        <source>Profiles (*.json);;All files (*)</source>
        <translation>Hồ sơ (*.json);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Save Profile As</source>
        <translation>Lưu hồ sơ thành</translation>
    </message>
    <message>
        <source>No recent profiles</source>
        <translation>Không có hồ sơ gần đây</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Xóa danh sách</translation>
    </message>
</context>
<context>
    <name>ProfileError</name>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation>JSON không hợp lệ tại byte %1: %2</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; %2</source>
        <translation>trường &quot;%1&quot; %2</translation>
    </message>
    <message>
        <source>Cannot load profile %1: %2</source>
        <translation>Không thể nạp hồ sơ %1: %2</translation>
    </message>
</context>
<context>
    <name>ProfileFormat</name>
    <message>
        <source>the profile must be a JSON object</source>
        <translation>hồ sơ phải là một JSON object</translation>
    </message>
    <message>
        <source>must be a string, not %1</source>
        <translation>phải là chuỗi, không phải %1</translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation>phải là true hoặc false, không phải %1</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2, not %3</source>
        <translation>phải là số nguyên từ %1 đến %2, không phải %3</translation>
    </message>
    <message>
        <source>must be a JSON object, not %1</source>
        <translation>phải là JSON object, không phải %1</translation>
    </message>
    <message>
        <source>must be a JSON array, not %1</source>
        <translation>phải là mảng JSON, không phải %1</translation>
    </message>
    <message>
        <source>must be one of %1, not &quot;%2&quot;</source>
        <translation>phải là một trong %1, không phải &quot;%2&quot;</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>bị thiếu</translation>
    </message>
    <message>
        <source>is not an IP address: &quot;%1&quot;</source>
        <translation>không phải địa chỉ IP: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>is missing or empty</source>
        <translation>bị thiếu hoặc rỗng</translation>
    </message>
    <message>
        <source>repeats asset &quot;%1&quot;</source>
        <translation>lặp lại asset &quot;%1&quot;</translation>
    </message>
    <message>
        <source>is not a DRM scheme that can have its own CRT; use %1</source>
        <translation>không phải DRM scheme có thể có CRT riêng; dùng %1</translation>
    </message>
    <message>
        <source>repeats the id of rules[%1]</source>
        <translation>trùng id với rules[%1]</translation>
    </message>
    <message>
        <source>must be &quot;%1&quot;</source>
        <translation>phải là &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be a whole number from 1</source>
        <translation>phải là số nguyên từ 1 trở lên</translation>
    </message>
    <message>
        <source>is %1, but this CallbackLab reads profile versions up to %2; update CallbackLab to open it</source>
        <translation>là %1, nhưng CallbackLab này chỉ đọc được hồ sơ phiên bản tới %2; hãy cập nhật CallbackLab để mở</translation>
    </message>
    <message>
        <source>must be &quot;allow&quot; or &quot;deny&quot;, not &quot;%1&quot;</source>
        <translation>phải là &quot;allow&quot; hoặc &quot;deny&quot;, không phải &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>RateSparkline</name>
    <message numerus="yes">
        <source>Callbacks per second over the last %n minute(s)</source>
        <translation>
            <numerusform>Số callback mỗi giây trong %n phút gần nhất</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplayCommand</name>
    <message>
        <source>callbacklab: %1
Try &apos;%2&apos; for more information.
</source>
        <translation>callbacklab: %1
Chạy &apos;%2&apos; để xem thêm thông tin.
</translation>
    </message>
    <message>
        <source>invalid value for --%1: &apos;%2&apos; is not a whole number from %3 to %4</source>
        <translation>giá trị không hợp lệ cho --%1: &apos;%2&apos; không phải số nguyên từ %3 đến %4</translation>
    </message>
    <message>
        <source>Replays saved callbacks against a target and compares each response with the expected one.
FILE is a replay suite, a HAR file or a JSON Lines capture. Progress goes to stderr, the summary
to stdout. Exit code: 0 when every response matched, 1 when any differed or failed, 2 for bad
usage or unreadable input.</source>
        <translation>Phát lại các callback đã lưu tới một đích và so sánh từng phản hồi với phản hồi mong đợi.
FILE là một bộ phát lại, tệp HAR hoặc bản ghi JSON Lines. Tiến độ ghi ra stderr, bản tóm tắt
ra stdout. Mã thoát: 0 khi mọi phản hồi khớp, 1 khi có phản hồi khác hoặc lỗi, 2 khi dùng sai
cú pháp hoặc không đọc được đầu vào.</translation>
    </message>
    <message>
        <source>Suites, HAR or JSON Lines files to replay.</source>
        <translation>Các bộ phát lại, tệp HAR hoặc JSON Lines cần phát lại.</translation>
    </message>
    <message>
        <source>Send every callback to URL, an http or https URL such as http://127.0.0.1:8080/ (default: the suite&apos;s target, else each request&apos;s own URL).</source>
        <translation>Gửi mọi callback tới URL, một URL http hoặc https như http://127.0.0.1:8080/ (mặc định: đích của bộ phát lại, nếu không có thì URL riêng của từng yêu cầu).</translation>
    </message>
    <message>
        <source>Requests in flight at once, 1 to 256 (default 8).</source>
        <translation>Số yêu cầu chạy đồng thời, 1 đến 256 (mặc định 8).</translation>
    </message>
    <message>
        <source>Time allowed per request in milliseconds, connecting included (default 10000).</source>
        <translation>Thời gian cho phép mỗi yêu cầu, tính bằng mili giây, kể cả thời gian kết nối (mặc định 10000).</translation>
    </message>
    <message>
        <source>Send the whole list N times (default 1).</source>
        <translation>Gửi toàn bộ danh sách N lần (mặc định 1).</translation>
    </message>
    <message>
        <source>Start at most N requests per second, 0 for no limit (default 0).</source>
        <translation>Bắt đầu tối đa N yêu cầu mỗi giây, 0 là không giới hạn (mặc định 0).</translation>
    </message>
    <message>
        <source>Latency budget per request in milliseconds; responses over it are reported as findings (default: none).</source>
        <translation>Ngưỡng độ trễ cho mỗi yêu cầu, tính bằng mili giây; phản hồi vượt ngưỡng được báo thành phát hiện (mặc định: không có).</translation>
    </message>
    <message>
        <source>Count a response over the budget as differing.</source>
        <translation>Tính phản hồi vượt ngưỡng là khác.</translation>
    </message>
    <message>
        <source>Also send each callback in the other encoding (JSON or form) and report a different decision.</source>
        <translation>Gửi thêm mỗi callback theo kiểu mã hóa còn lại (JSON hoặc form) và báo nếu quyết định khác.</translation>
    </message>
    <message>
        <source>Which contract findings on a reply&apos;s CRT count as differing: warning (misspelt fields and worse, the default), error, or off.</source>
        <translation>Những phát hiện đặc tả về CRT của phản hồi được tính là khác: warning (trường viết sai và nặng hơn, mặc định), error, hoặc off.</translation>
    </message>
    <message>
        <source>Accept TLS certificates that fail verification.</source>
        <translation>Chấp nhận chứng chỉ TLS không qua được xác minh.</translation>
    </message>
    <message>
        <source>Send every callback with method M: GET, POST or PUT.</source>
        <translation>Gửi mọi callback bằng phương thức M: GET, POST hoặc PUT.</translation>
    </message>
    <message>
        <source>Re-encode every callback as E: %1.</source>
        <translation>Mã hóa lại mọi callback thành E: %1.</translation>
    </message>
    <message>
        <source>Add the header &apos;Name: value&apos;, replacing a sent header of that name; may be repeated.</source>
        <translation>Thêm header &apos;Name: value&apos;, thay thế header cùng tên đã gửi; có thể lặp lại.</translation>
    </message>
    <message>
        <source>Write a JUnit XML report to FILE.</source>
        <translation>Ghi báo cáo JUnit XML vào FILE.</translation>
    </message>
    <message>
        <source>Write every result as JSON to FILE.</source>
        <translation>Ghi mọi kết quả dưới dạng JSON vào FILE.</translation>
    </message>
    <message>
        <source>Print no progress.</source>
        <translation>Không in tiến độ.</translation>
    </message>
    <message>
        <source>no input file; give one or more suites, HAR or JSON Lines files</source>
        <translation>không có tệp đầu vào; hãy đưa một hoặc nhiều bộ phát lại, tệp HAR hoặc JSON Lines</translation>
    </message>
    <message>
        <source>invalid value for --target: &apos;%1&apos; is not an http or https URL</source>
        <translation>giá trị không hợp lệ cho --target: &apos;%1&apos; không phải URL http hoặc https</translation>
    </message>
    <message>
        <source>invalid value for --rate: &apos;%1&apos; is not a number of requests per second from 0 to 1000000</source>
        <translation>giá trị không hợp lệ cho --rate: &apos;%1&apos; không phải số yêu cầu mỗi giây từ 0 đến 1000000</translation>
    </message>
    <message>
        <source>invalid value for --method: &apos;%1&apos;; give GET, POST or PUT</source>
        <translation>giá trị không hợp lệ cho --method: &apos;%1&apos;; hãy dùng GET, POST hoặc PUT</translation>
    </message>
    <message>
        <source>invalid value for --encoding: &apos;%1&apos;; give one of %2</source>
        <translation>giá trị không hợp lệ cho --encoding: &apos;%1&apos;; hãy dùng một trong %2</translation>
    </message>
    <message>
        <source>invalid value for --contract: &apos;%1&apos;; give warning, error or off</source>
        <translation>giá trị không hợp lệ cho --contract: &apos;%1&apos;; hãy dùng warning, error hoặc off</translation>
    </message>
    <message>
        <source>invalid value for --header: &apos;%1&apos;; write it as &apos;Name: value&apos;</source>
        <translation>giá trị không hợp lệ cho --header: &apos;%1&apos;; hãy viết dạng &apos;Name: value&apos;</translation>
    </message>
    <message>
        <source>%1: %2/%3 done, %4 in flight, %5 queued; %6 matched, %7 differed, %8 errors
</source>
        <translation>%1: xong %2/%3, %4 đang chạy, %5 đang chờ; %6 khớp, %7 khác, %8 lỗi
</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>không thể ghi %1: %2</translation>
    </message>
    <message>
        <source>  %1 matched responses carry findings (see --junit or --json)
</source>
        <translation>  %1 phản hồi khớp có kèm phát hiện (xem --junit hoặc --json)
</translation>
    </message>
    <message>
        <source>  ... and %1 more rows that did not match (see --junit or --json)
</source>
        <translation>  ... và %1 dòng khác không khớp (xem --junit hoặc --json)
</translation>
    </message>
    <message>
        <source>%1 (repeat %2)</source>
        <translation>%1 (lần lặp %2)</translation>
    </message>
    <message>
        <source>      ... %1 more changes
</source>
        <translation>      ... %1 thay đổi khác
</translation>
    </message>
    <message>
        <source>callbacklab: %1
</source>
        <translation>callbacklab: %1
</translation>
    </message>
    <message>
        <source>callbacklab: %1: %2
</source>
        <translation>callbacklab: %1: %2
</translation>
    </message>
    <message>
        <source>total: %1 requests, %2 matched, %3 did not
</source>
        <translation>tổng: %1 yêu cầu, %2 khớp, %3 không khớp
</translation>
    </message>
    <message>
        <source>interrupted: rows still queued were not replayed
</source>
        <translation>bị ngắt: các dòng còn trong hàng đợi chưa được phát lại
</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 giây</translation>
    </message>
    <message>
        <source>%1: %2 requests, %3 matched, %4 differed, %5 errors in %6</source>
        <translation>%1: %2 yêu cầu, %3 khớp, %4 khác, %5 lỗi trong %6</translation>
    </message>
    <message>
        <source> (%1 requests/s)</source>
        <translation> (%1 yêu cầu/giây)</translation>
    </message>
</context>
<context>
    <name>ReplayComparison</name>
    <message>
        <source>invalid target &apos;%1&apos;: give an http or https URL such as http://127.0.0.1:8080/</source>
        <translation>đích không hợp lệ &apos;%1&apos;: hãy dùng URL http hoặc https như http://127.0.0.1:8080/</translation>
    </message>
    <message>
        <source>invalid concurrency %1: give a number from 1 to %2</source>
        <translation>số yêu cầu đồng thời không hợp lệ %1: hãy dùng số từ 1 đến %2</translation>
    </message>
    <message>
        <source>invalid rate %1: give requests per second, 0 for no limit</source>
        <translation>tốc độ không hợp lệ %1: hãy dùng số yêu cầu mỗi giây, 0 là không giới hạn</translation>
    </message>
    <message>
        <source>invalid timeout %1 ms: give a positive number of milliseconds</source>
        <translation>timeout không hợp lệ %1 ms: hãy dùng số mili giây dương</translation>
    </message>
    <message>
        <source>invalid repeat count %1: give a number from 1 to %2</source>
        <translation>số lần lặp không hợp lệ %1: hãy dùng số từ 1 đến %2</translation>
    </message>
    <message>
        <source>invalid budget %1 ms: give milliseconds, 0 for no budget</source>
        <translation>ngưỡng không hợp lệ %1 ms: hãy dùng số mili giây, 0 là không có ngưỡng</translation>
    </message>
    <message>
        <source>invalid method &apos;%1&apos;: give GET, POST or PUT</source>
        <translation>phương thức không hợp lệ &apos;%1&apos;: hãy dùng GET, POST hoặc PUT</translation>
    </message>
    <message>
        <source>error %1: %2</source>
        <translation>lỗi %1: %2</translation>
    </message>
    <message>
        <source>matched: %1</source>
        <translation>khớp: %1</translation>
    </message>
    <message>
        <source>differed (%1): expected %2, got %3</source>
        <translation>khác (%1): mong đợi %2, nhận được %3</translation>
    </message>
    <message>
        <source>Answered in %1 ms, over the budget of %2 ms</source>
        <translation>Phản hồi trong %1 ms, vượt ngưỡng %2 ms</translation>
    </message>
    <message>
        <source>The callback sent as %1 got no response: %2</source>
        <translation>Callback gửi dưới dạng %1 không nhận được phản hồi: %2</translation>
    </message>
    <message>
        <source>The callback sent as %1 got %2 (%3), the original got %4 (%5)</source>
        <translation>Callback gửi dưới dạng %1 nhận được %2 (%3), bản gốc nhận được %4 (%5)</translation>
    </message>
    <message>
        <source>redirect (%1) without a Location header; redirects are not followed</source>
        <translation>chuyển hướng (%1) không có header Location; không đi theo chuyển hướng</translation>
    </message>
    <message>
        <source>redirect (%1) to %2; redirects are not followed</source>
        <translation>chuyển hướng (%1) tới %2; không đi theo chuyển hướng</translation>
    </message>
    <message>
        <source>a replay is already running</source>
        <translation>một lượt phát lại đang chạy</translation>
    </message>
    <message>
        <source>%1 requests repeated %2 times are more than %3 rows; replay fewer</source>
        <translation>%1 yêu cầu lặp lại %2 lần là nhiều hơn %3 dòng; hãy phát lại ít hơn</translation>
    </message>
    <message>
        <source>no target: the request has no absolute URL, so set a target URL</source>
        <translation>không có đích: yêu cầu không có URL tuyệt đối, hãy đặt URL đích</translation>
    </message>
    <message>
        <source>unsupported URL scheme &apos;%1&apos; in %2: use http or https</source>
        <translation>không hỗ trợ scheme URL &apos;%1&apos; trong %2: hãy dùng http hoặc https</translation>
    </message>
    <message>
        <source>cannot re-encode the callback: %1</source>
        <translation>không thể mã hóa lại callback: %1</translation>
    </message>
    <message>
        <source>Parity not checked: the callback cannot be parsed, so it cannot be re-encoded (%1)</source>
        <translation>Chưa kiểm tra tính tương đương: không phân tích được callback nên không thể mã hóa lại (%1)</translation>
    </message>
</context>
<context>
    <name>ReplayInput</name>
    <message>
        <source>line %1: %2</source>
        <translation>dòng %1: %2</translation>
    </message>
    <message>
        <source>byte %1 (line %2, column %3)</source>
        <translation>byte %1 (dòng %2, cột %3)</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>dòng %1</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>không thể đọc tệp: %1</translation>
    </message>
    <message>
        <source>not a replay suite, HAR or JSON Lines file</source>
        <translation>không phải bộ phát lại, tệp HAR hoặc JSON Lines</translation>
    </message>
    <message>
        <source> (and %1 more entries that cannot be read)</source>
        <translation> (và %1 mục khác không đọc được)</translation>
    </message>
    <message>
        <source>exchange %1</source>
        <translation>lượt trao đổi %1</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>mục %1</translation>
    </message>
    <message>
        <source>the request body was cut when it was logged (%1 of %2 bytes kept), so it cannot be replayed as sent</source>
        <translation>body yêu cầu đã bị cắt khi ghi nhật ký (giữ %1 trên %2 byte), nên không thể phát lại đúng như đã gửi</translation>
    </message>
    <message>
        <source>the request body never arrived (%1 of %2 announced bytes), so it cannot be replayed as sent</source>
        <translation>body yêu cầu chưa bao giờ đến (%1 trên %2 byte đã báo), nên không thể phát lại đúng như đã gửi</translation>
    </message>
</context>
<context>
    <name>ReplayResultModel</name>
    <message>
        <source>Request</source>
        <translation>Yêu cầu</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Phương thức</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Mong đợi</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Thực tế</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Độ trễ</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Phát hiện</translation>
    </message>
    <message>
        <source>%1 (repeat %2)</source>
        <translation>%1 (lần lặp %2)</translation>
    </message>
    <message>
        <source>matched</source>
        <translation>khớp</translation>
    </message>
    <message>
        <source>differed: %1</source>
        <translation>khác: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>lỗi: %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 (over %2 ms)</source>
        <translation>%1 (vượt %2 ms)</translation>
    </message>
    <message>
        <source>%1 (budget %2 ms)</source>
        <translation>%1 (ngưỡng %2 ms)</translation>
    </message>
    <message>
        <source>any</source>
        <translation>bất kỳ</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>không có phản hồi</translation>
    </message>
</context>
<context>
    <name>ReplaySuiteFormat</name>
    <message>
        <source>unknown field; known fields here are %1</source>
        <translation>trường không xác định; các trường hợp lệ ở đây là %1</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>phải là JSON object</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>phải là chuỗi</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>phải là true hoặc false</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>phải là số nguyên từ %1 đến %2</translation>
    </message>
    <message>
        <source>must be a number of at least %1</source>
        <translation>phải là số không nhỏ hơn %1</translation>
    </message>
    <message>
        <source>give either %1 or %2, not both</source>
        <translation>chỉ dùng %1 hoặc %2, không dùng cả hai</translation>
    </message>
    <message>
        <source>must be a base64 string</source>
        <translation>phải là chuỗi base64</translation>
    </message>
    <message>
        <source>must be an array of {&quot;name&quot;, &quot;value&quot;} objects</source>
        <translation>phải là mảng các object {&quot;name&quot;, &quot;value&quot;}</translation>
    </message>
    <message>
        <source>must be a {&quot;name&quot;, &quot;value&quot;} object</source>
        <translation>phải là object {&quot;name&quot;, &quot;value&quot;}</translation>
    </message>
    <message>
        <source>must be a header name without spaces, colons or line breaks</source>
        <translation>phải là tên header không có dấu cách, dấu hai chấm hay ngắt dòng</translation>
    </message>
    <message>
        <source>must not contain line breaks</source>
        <translation>không được chứa ngắt dòng</translation>
    </message>
    <message>
        <source>must be an HTTP method in capitals, such as POST</source>
        <translation>phải là phương thức HTTP viết hoa, ví dụ POST</translation>
    </message>
    <message>
        <source>must be GET, POST or PUT</source>
        <translation>phải là GET, POST hoặc PUT</translation>
    </message>
    <message>
        <source>must be warning, error or off</source>
        <translation>phải là warning, error hoặc off</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>phải là một trong %1</translation>
    </message>
    <message>
        <source>must be recorded, manual or none</source>
        <translation>phải là recorded, manual hoặc none</translation>
    </message>
    <message>
        <source>is missing: give allow or deny, or a status</source>
        <translation>bị thiếu: hãy dùng allow hoặc deny, hoặc một mã trạng thái</translation>
    </message>
    <message>
        <source>must be allow or deny</source>
        <translation>phải là allow hoặc deny</translation>
    </message>
    <message>
        <source>status %1 gives %2, not the expected decision %3</source>
        <translation>mã trạng thái %1 cho kết quả %2, không phải quyết định mong đợi %3</translation>
    </message>
    <message>
        <source>is not a valid URL: %1</source>
        <translation>không phải URL hợp lệ: %1</translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation>JSON không hợp lệ: %1</translation>
    </message>
    <message>
        <source>a replay suite must be a JSON object</source>
        <translation>bộ phát lại phải là một JSON object</translation>
    </message>
    <message>
        <source>must be &quot;%1&quot;; this is not a replay suite</source>
        <translation>phải là &quot;%1&quot;; đây không phải bộ phát lại</translation>
    </message>
    <message>
        <source>must be a positive whole number</source>
        <translation>phải là số nguyên dương</translation>
    </message>
    <message>
        <source>version %1 was written by a newer CallbackLab; this one reads version %2</source>
        <translation>phiên bản %1 được ghi bởi CallbackLab mới hơn; bản này đọc phiên bản %2</translation>
    </message>
    <message>
        <source>must be an http or https URL</source>
        <translation>phải là URL http hoặc https</translation>
    </message>
    <message>
        <source>is missing or not an array</source>
        <translation>bị thiếu hoặc không phải mảng</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>không thể ghi %1: %2</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>không thể đọc tệp: %1</translation>
    </message>
</context>
<context>
    <name>ReplayWindow</name>
    <message>
        <source>Failed to write %1: %2</source>
        <translation>Ghi %1 thất bại: %2</translation>
    </message>
    <message>
        <source>expects any response</source>
        <translation>mong đợi phản hồi bất kỳ</translation>
    </message>
    <message>
        <source>expects recorded %1</source>
        <translation>mong đợi %1 đã ghi</translation>
    </message>
    <message>
        <source>expects %1</source>
        <translation>mong đợi %1</translation>
    </message>
    <message>
        <source>expects %1 %2</source>
        <translation>mong đợi %1 %2</translation>
    </message>
    <message>
        <source>Replay - CallbackLab</source>
        <translation>Phát lại - CallbackLab</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Yêu cầu</translation>
    </message>
    <message>
        <source>Add &amp;File...</source>
        <translation>Thêm &amp;tệp...</translation>
    </message>
    <message>
        <source>Add the requests of a HAR, JSON Lines or suite file</source>
        <translation>Thêm các yêu cầu từ tệp HAR, JSON Lines hoặc tệp bộ phát lại</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>Xóa toàn &amp;bộ</translation>
    </message>
    <message>
        <source>Paste a curl command, e.g. from a browser&apos;s Copy as cURL</source>
        <translation>Dán một lệnh curl, ví dụ từ Copy as cURL của trình duyệt</translation>
    </message>
    <message>
        <source>Add Curl Command</source>
        <translation>Thêm lệnh curl</translation>
    </message>
    <message>
        <source>Composer</source>
        <translation>Composer</translation>
    </message>
    <message>
        <source>Curl</source>
        <translation>Curl</translation>
    </message>
    <message>
        <source>Expectation</source>
        <translation>Kết quả mong đợi</translation>
    </message>
    <message>
        <source>Any response</source>
        <translation>Phản hồi bất kỳ</translation>
    </message>
    <message>
        <source>Recorded response</source>
        <translation>Phản hồi đã ghi</translation>
    </message>
    <message>
        <source>Set by hand</source>
        <translation>Đặt thủ công</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Cho phép</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>mã trạng thái bất kỳ</translation>
    </message>
    <message>
        <source>CRT fields as a JSON object, e.g. {&quot;hdcpLevel&quot;: &quot;HDCP v2.2&quot;}</source>
        <translation>Các trường CRT dạng JSON object, ví dụ {&quot;hdcpLevel&quot;: &quot;HDCP v2.2&quot;}</translation>
    </message>
    <message>
        <source>&amp;Apply to Selected</source>
        <translation>Áp &amp;dụng cho mục đã chọn</translation>
    </message>
    <message>
        <source>Set this expectation on the selected requests, or on all when none is selected</source>
        <translation>Đặt kết quả mong đợi này cho các yêu cầu đã chọn, hoặc cho tất cả nếu chưa chọn yêu cầu nào</translation>
    </message>
    <message>
        <source>Expect &amp;Last Responses</source>
        <translation>Mong đợi phản hồi &amp;gần nhất</translation>
    </message>
    <message>
        <source>Make each request expect the response it got in the last run</source>
        <translation>Đặt cho mỗi yêu cầu mong đợi phản hồi mà nó nhận được ở lần chạy trước</translation>
    </message>
    <message>
        <source>Expect:</source>
        <translation>Mong đợi:</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Quyết định:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Mã trạng thái:</translation>
    </message>
    <message>
        <source>CRT fields:</source>
        <translation>Các trường CRT:</translation>
    </message>
    <message>
        <source>Target and Options</source>
        <translation>Đích và tùy chọn</translation>
    </message>
    <message>
        <source>http://127.0.0.1:8080/ or any http or https URL</source>
        <translation>http://127.0.0.1:8080/ hoặc bất kỳ URL http hay https nào</translation>
    </message>
    <message>
        <source>Built-in Responder</source>
        <translation>Bộ phản hồi tích hợp</translation>
    </message>
    <message>
        <source>As recorded</source>
        <translation>Như đã ghi</translation>
    </message>
    <message>
        <source>Headers to add or replace, one per line as Name: value</source>
        <translation>Header cần thêm hoặc thay thế, mỗi dòng một header dạng Name: value</translation>
    </message>
    <message>
        <source>Ignore TLS errors</source>
        <translation>Bỏ qua lỗi TLS</translation>
    </message>
    <message>
        <source>Warning: accepts any certificate, so the connection can be intercepted. Use only for test servers with self-signed certificates.</source>
        <translation>Cảnh báo: chấp nhận mọi chứng chỉ, nên kết nối có thể bị chặn bắt. Chỉ dùng cho máy chủ thử nghiệm có chứng chỉ tự ký.</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>không giới hạn</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> /s</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>Over budget counts as differing</source>
        <translation>Tính phản hồi vượt ngưỡng là khác</translation>
    </message>
    <message>
        <source>Parity: also send in the other encoding</source>
        <translation>Tương đương: gửi thêm theo kiểu mã hóa còn lại</translation>
    </message>
    <message>
        <source>Warnings and errors differ</source>
        <translation>Cảnh báo và lỗi tính là khác</translation>
    </message>
    <message>
        <source>Errors differ</source>
        <translation>Lỗi tính là khác</translation>
    </message>
    <message>
        <source>Only listed</source>
        <translation>Chỉ liệt kê</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Chạy</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Hủy</translation>
    </message>
    <message>
        <source>L&amp;oad Suite...</source>
        <translation>&amp;Nạp bộ phát lại...</translation>
    </message>
    <message>
        <source>&amp;Save Suite...</source>
        <translation>&amp;Lưu bộ phát lại...</translation>
    </message>
    <message>
        <source>Export &amp;JUnit...</source>
        <translation>Xuất &amp;JUnit...</translation>
    </message>
    <message>
        <source>Export JSO&amp;N...</source>
        <translation>Xuất JS&amp;ON...</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Đích:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Phương thức:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Kiểu mã hóa:</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <source>Concurrency:</source>
        <translation>Số yêu cầu đồng thời:</translation>
    </message>
    <message>
        <source>Rate limit:</source>
        <translation>Giới hạn tốc độ:</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Timeout:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Số lần lặp:</translation>
    </message>
    <message>
        <source>Latency budget:</source>
        <translation>Ngưỡng độ trễ:</translation>
    </message>
    <message>
        <source>Contract findings:</source>
        <translation>Phát hiện đặc tả:</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) to replay.</source>
        <translation>
            <numerusform>%n yêu cầu cần phát lại.</numerusform>
        </translation>
    </message>
    <message>
        <source>At character %1: %2</source>
        <translation>Tại ký tự %1: %2</translation>
    </message>
    <message>
        <source>curl %1</source>
        <translation>curl %1</translation>
    </message>
    <message>
        <source>%1  %2  [%3]</source>
        <translation>%1  %2  [%3]</translation>
    </message>
    <message>
        <source>CRT fields are not a JSON object: %1 at character %2. Write them as {&quot;name&quot;: value}.</source>
        <translation>Các trường CRT không phải JSON object: %1 tại ký tự %2. Hãy viết dạng {&quot;name&quot;: value}.</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>không phải object</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) have no recorded response; run them and use Expect Last Responses.</source>
        <translation>
            <numerusform>%n yêu cầu chưa có phản hồi đã ghi; hãy chạy chúng rồi dùng Mong đợi phản hồi gần nhất.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expectation set on %n request(s).</source>
        <translation>
            <numerusform>Đã đặt kết quả mong đợi cho %n yêu cầu.</numerusform>
        </translation>
    </message>
    <message>
        <source>The request list changed since the last run. Run it again first.</source>
        <translation>Danh sách yêu cầu đã thay đổi kể từ lần chạy trước. Hãy chạy lại trước.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) now expect their last response.</source>
        <translation>
            <numerusform>%n yêu cầu giờ mong đợi phản hồi gần nhất của chúng.</numerusform>
        </translation>
    </message>
    <message>
        <source>The target &apos;%1&apos; is not an http or https URL.</source>
        <translation>Đích &apos;%1&apos; không phải URL http hoặc https.</translation>
    </message>
    <message>
        <source>Nothing to replay. Add requests first.</source>
        <translation>Không có gì để phát lại. Hãy thêm yêu cầu trước.</translation>
    </message>
    <message>
        <source>Running...</source>
        <translation>Đang chạy...</translation>
    </message>
    <message>
        <source>Queued %1, in flight %2, done %3 (matched %4, differed %5, errors %6)</source>
        <translation>Đang chờ %1, đang chạy %2, xong %3 (khớp %4, khác %5, lỗi %6)</translation>
    </message>
    <message>
        <source>%1 matched, %2 differed, %3 errors in %4 ms.</source>
        <translation>%1 khớp, %2 khác, %3 lỗi trong %4 ms.</translation>
    </message>
    <message>
        <source>Canceled: %1</source>
        <translation>Đã hủy: %1</translation>
    </message>
    <message>
        <source>URL: %1 %2</source>
        <translation>URL: %1 %2</translation>
    </message>
    <message>
        <source>Error (%1): %2</source>
        <translation>Lỗi (%1): %2</translation>
    </message>
    <message>
        <source>Location: %1</source>
        <translation>Vị trí: %1</translation>
    </message>
    <message>
        <source>Body differences (expected -&gt; actual):</source>
        <translation>Khác biệt body (mong đợi -&gt; thực tế):</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>Phát hiện:</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Response body:</source>
        <translation>Body phản hồi:</translation>
    </message>
    <message>
        <source>Reading %1...</source>
        <translation>Đang đọc %1...</translation>
    </message>
    <message>
        <source>Failed to load %1: %2</source>
        <translation>Nạp %1 thất bại: %2</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n request(s) from %1.</source>
        <translation>
            <numerusform>Đã nạp %n yêu cầu từ %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>replay</source>
        <translation>phát lại</translation>
    </message>
    <message>
        <source>Add Requests from File</source>
        <translation>Thêm yêu cầu từ tệp</translation>
    </message>
    <message>
        <source>Captures and suites (*.har *.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>Bản ghi và bộ phát lại (*.har *.jsonl *.ndjson *.json);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Load Replay Suite</source>
        <translation>Nạp bộ phát lại</translation>
    </message>
    <message>
        <source>Replay suites (*.json);;All files (*)</source>
        <translation>Bộ phát lại (*.json);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Save Replay Suite</source>
        <translation>Lưu bộ phát lại</translation>
    </message>
    <message>
        <source>Replay suites (*.json)</source>
        <translation>Bộ phát lại (*.json)</translation>
    </message>
    <message>
        <source>Export JUnit Report</source>
        <translation>Xuất báo cáo JUnit</translation>
    </message>
    <message>
        <source>JUnit XML (*.xml)</source>
        <translation>JUnit XML (*.xml)</translation>
    </message>
    <message>
        <source>Export JSON Report</source>
        <translation>Xuất báo cáo JSON</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>RequestLogPanel</name>
    <message>
        <source>&amp;Follow Newest</source>
        <translation>&amp;Theo dõi mới nhất</translation>
    </message>
    <message>
        <source>Keep the newest exchange in view</source>
        <translation>Luôn hiển thị lượt trao đổi mới nhất</translation>
    </message>
    <message>
        <source>&amp;Pause Capture</source>
        <translation>Tạm &amp;dừng ghi</translation>
    </message>
    <message>
        <source>Stop adding exchanges to the log; callbacks are still answered</source>
        <translation>Ngừng thêm lượt trao đổi vào nhật ký; callback vẫn được trả lời</translation>
    </message>
    <message>
        <source>&amp;Clear Log</source>
        <translation>&amp;Xóa nhật ký</translation>
    </message>
    <message>
        <source>F&amp;ilter Log</source>
        <translation>&amp;Lọc nhật ký</translation>
    </message>
    <message numerus="yes">
        <source>%n exchange(s)</source>
        <translation>
            <numerusform>%n lượt trao đổi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n exchange(s)</source>
        <translation>
            <numerusform>%1 trên %n lượt trao đổi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(capture paused, %n not recorded)</source>
        <translation>
            <numerusform>(đang tạm dừng ghi, %n lượt chưa được ghi)</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter: words in asset, user or session, or terms such as user:bob status:4xx</source>
        <translation>Lọc: từ trong asset, user hoặc session, hoặc điều kiện như user:bob status:4xx</translation>
    </message>
</context>
<context>
    <name>ResponderService</name>
    <message>
        <source>&quot;%1&quot; is not an IP address</source>
        <translation>&quot;%1&quot; không phải địa chỉ IP</translation>
    </message>
</context>
<context>
    <name>RuleEditorDialog</name>
    <message>
        <source>New Rule</source>
        <translation>Quy tắc mới</translation>
    </message>
    <message>
        <source>Edit Rule %1</source>
        <translation>Sửa quy tắc %1</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Kích hoạt</translation>
    </message>
    <message>
        <source>&amp;Negate: match when the conditions do not all hold</source>
        <translation>&amp;Phủ định: khớp khi không phải mọi điều kiện đều thỏa</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Toán tử</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Window (s)</source>
        <translation>Khoảng thời gian (s)</translation>
    </message>
    <message>
        <source>Ignore case</source>
        <translation>Không phân biệt hoa thường</translation>
    </message>
    <message>
        <source>Not</source>
        <translation>Phủ định</translation>
    </message>
    <message>
        <source>Add Condition</source>
        <translation>Thêm điều kiện</translation>
    </message>
    <message>
        <source>Remove Condition</source>
        <translation>Xóa điều kiện</translation>
    </message>
    <message>
        <source>Conditions (all must hold; none matches every callback)</source>
        <translation>Điều kiện (phải thỏa tất cả; không có điều kiện nào thì khớp mọi callback)</translation>
    </message>
    <message>
        <source>The rule&apos;s own CRT payload as a JSON object</source>
        <translation>Payload CRT riêng của quy tắc, dạng JSON object</translation>
    </message>
    <message>
        <source>Send this body instead of the generated JSON</source>
        <translation>Gửi body này thay cho JSON được tạo</translation>
    </message>
    <message>
        <source>Usual for the reply</source>
        <translation>Thông thường cho phản hồi</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Tùy chỉnh</translation>
    </message>
    <message>
        <source>No Content-Type header</source>
        <translation>Không có header Content-Type</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Trickle: write the reply a few bytes at a time</source>
        <translation>Gửi nhỏ giọt: ghi phản hồi mỗi lần vài byte</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Hành động</translation>
    </message>
    <message>
        <source>&amp;Reply:</source>
        <translation>Phản hồ&amp;i:</translation>
    </message>
    <message>
        <source>&amp;CRT:</source>
        <translation>&amp;CRT:</translation>
    </message>
    <message>
        <source>Own CRT:</source>
        <translation>CRT riêng:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Mã trạng thái:</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Body:</translation>
    </message>
    <message>
        <source>Content-Type:</source>
        <translation>Content-Type:</translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation>Trì &amp;hoãn:</translation>
    </message>
    <message>
        <source>header name</source>
        <translation>tên header</translation>
    </message>
    <message>
        <source>e.g. requestMetadata.remoteAddr</source>
        <translation>ví dụ requestMetadata.remoteAddr</translation>
    </message>
    <message>
        <source>values separated by commas</source>
        <translation>các giá trị cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <source>Not applied: invalid JSON at byte %1: %2</source>
        <translation>Chưa áp dụng: JSON không hợp lệ tại byte %1: %2</translation>
    </message>
    <message>
        <source>Not applied: the CRT must be a JSON object</source>
        <translation>Chưa áp dụng: CRT phải là một JSON object</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The rule is skipped until these are fixed; you can save it anyway:
%1</source>
        <translation>Quy tắc sẽ bị bỏ qua cho đến khi sửa các lỗi sau; bạn vẫn có thể lưu nó:
%1</translation>
    </message>
</context>
<context>
    <name>RuleTableModel</name>
    <message>
        <source>no callback</source>
        <translation>không callback nào</translation>
    </message>
    <message>
        <source>every callback</source>
        <translation>mọi callback</translation>
    </message>
    <message>
        <source> and </source>
        <translation> và </translation>
    </message>
    <message>
        <source>not (%1)</source>
        <translation>không (%1)</translation>
    </message>
    <message>
        <source>Enable rule %1</source>
        <translation>Bật quy tắc %1</translation>
    </message>
    <message>
        <source>Disable rule %1</source>
        <translation>Tắt quy tắc %1</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Bật</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Điều kiện</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Hành động</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Vấn đề</translation>
    </message>
</context>
<context>
    <name>RuleText</name>
    <message>
        <source>%1th</source>
        <translation>thứ %1</translation>
    </message>
    <message>
        <source>%1st</source>
        <translation>thứ %1</translation>
    </message>
    <message>
        <source>%1nd</source>
        <translation>thứ %1</translation>
    </message>
    <message>
        <source>%1rd</source>
        <translation>thứ %1</translation>
    </message>
    <message>
        <source>The session count must be 0 to %1, not %2.</source>
        <translation>Số session phải từ 0 đến %1, không phải %2.</translation>
    </message>
    <message>
        <source>The time window must be 1 to %1 seconds, not %2.</source>
        <translation>Khoảng thời gian phải từ 1 đến %1 giây, không phải %2.</translation>
    </message>
    <message>
        <source>The callback number must be 1 to %1, not %2.</source>
        <translation>Số thứ tự callback phải từ 1 đến %1, không phải %2.</translation>
    </message>
    <message>
        <source>Enter the field path, such as requestMetadata.remoteAddr.</source>
        <translation>Nhập đường dẫn trường, ví dụ requestMetadata.remoteAddr.</translation>
    </message>
    <message>
        <source>The field path &quot;%1&quot; has an empty part between dots.</source>
        <translation>Đường dẫn trường &quot;%1&quot; có phần rỗng giữa hai dấu chấm.</translation>
    </message>
    <message>
        <source>Enter the header name, such as User-Agent.</source>
        <translation>Nhập tên header, ví dụ User-Agent.</translation>
    </message>
    <message>
        <source>Enter at least one value.</source>
        <translation>Nhập ít nhất một giá trị.</translation>
    </message>
    <message>
        <source>Invalid regular expression at character %1: %2.</source>
        <translation>Biểu thức chính quy không hợp lệ tại ký tự %1: %2.</translation>
    </message>
    <message>
        <source>Invalid wildcard pattern: %1.</source>
        <translation>Mẫu ký tự đại diện không hợp lệ: %1.</translation>
    </message>
    <message>
        <source>The HTTP status must be 100 to 599, not %1.</source>
        <translation>Mã trạng thái HTTP phải từ 100 đến 599, không phải %1.</translation>
    </message>
    <message>
        <source>The delay must be 0 to %1 ms, not %2.</source>
        <translation>Thời gian trì hoãn phải từ 0 đến %1 ms, không phải %2.</translation>
    </message>
    <message>
        <source>Enter a Content-Type on one line, such as text/html.</source>
        <translation>Nhập Content-Type trên một dòng, ví dụ text/html.</translation>
    </message>
    <message>
        <source>The trickle piece size must be 1 to 65536 bytes, not %1.</source>
        <translation>Kích thước mỗi phần khi gửi nhỏ giọt phải từ 1 đến 65536 byte, không phải %1.</translation>
    </message>
    <message>
        <source>The trickle pause must be 0 to 60000 ms, not %1.</source>
        <translation>Khoảng nghỉ khi gửi nhỏ giọt phải từ 0 đến 60000 ms, không phải %1.</translation>
    </message>
    <message>
        <source>Enter a name for the rule.</source>
        <translation>Nhập tên cho quy tắc.</translation>
    </message>
    <message>
        <source>Deny %1 for %2</source>
        <translation>Từ chối %1 cho %2</translation>
    </message>
    <message>
        <source>Deny %1</source>
        <translation>Từ chối %1</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>asset</translation>
    </message>
    <message>
        <source>user</source>
        <translation>user</translation>
    </message>
    <message>
        <source>session</source>
        <translation>session</translation>
    </message>
    <message>
        <source>DRM scheme</source>
        <translation>DRM scheme</translation>
    </message>
    <message>
        <source>viewer IP address</source>
        <translation>địa chỉ IP người xem</translation>
    </message>
    <message>
        <source>viewer user agent</source>
        <translation>user agent người xem</translation>
    </message>
    <message>
        <source>extra data</source>
        <translation>extra data</translation>
    </message>
    <message>
        <source>field</source>
        <translation>trường</translation>
    </message>
    <message>
        <source>HTTP method</source>
        <translation>phương thức HTTP</translation>
    </message>
    <message>
        <source>request header</source>
        <translation>header yêu cầu</translation>
    </message>
    <message>
        <source>callbacks of the session</source>
        <translation>số callback của session</translation>
    </message>
    <message>
        <source>callbacks of the user</source>
        <translation>số callback của user</translation>
    </message>
    <message>
        <source>sessions of the user</source>
        <translation>số session của user</translation>
    </message>
    <message>
        <source>equals</source>
        <translation>bằng</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>là một trong</translation>
    </message>
    <message>
        <source>matches wildcard</source>
        <translation>khớp ký tự đại diện</translation>
    </message>
    <message>
        <source>matches regular expression</source>
        <translation>khớp biểu thức chính quy</translation>
    </message>
    <message>
        <source>is present</source>
        <translation>có mặt</translation>
    </message>
    <message>
        <source>is absent</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Cho phép</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Fault: close the connection without a reply</source>
        <translation>Sự cố: đóng kết nối mà không phản hồi</translation>
    </message>
    <message>
        <source>Fault: never reply</source>
        <translation>Sự cố: không bao giờ phản hồi</translation>
    </message>
    <message>
        <source>Fault: 200 with an empty body</source>
        <translation>Sự cố: 200 với body rỗng</translation>
    </message>
    <message>
        <source>Fault: 200 with a body that is not JSON</source>
        <translation>Sự cố: 200 với body không phải JSON</translation>
    </message>
    <message>
        <source>Fault: 200 with a CRT that breaks the contract</source>
        <translation>Sự cố: 200 với CRT vi phạm đặc tả</translation>
    </message>
    <message>
        <source>default CRT</source>
        <translation>CRT mặc định</translation>
    </message>
    <message>
        <source>CRT of the DRM scheme</source>
        <translation>CRT của DRM scheme</translation>
    </message>
    <message>
        <source>the rule&apos;s own CRT</source>
        <translation>CRT riêng của quy tắc</translation>
    </message>
    <message>
        <source>no CRT</source>
        <translation>không có CRT</translation>
    </message>
    <message>
        <source>%1 or later callback of the session</source>
        <translation>callback %1 trở đi của session</translation>
    </message>
    <message>
        <source>%1 or later callback of the user</source>
        <translation>callback %1 trở đi của user</translation>
    </message>
    <message>
        <source>user has more than %1 sessions within %2 s</source>
        <translation>user có hơn %1 session trong vòng %2 s</translation>
    </message>
    <message>
        <source>%1 (ignoring case)</source>
        <translation>%1 (không phân biệt hoa thường)</translation>
    </message>
    <message>
        <source>not (%1)</source>
        <translation>không (%1)</translation>
    </message>
    <message>
        <source>allow with %1</source>
        <translation>cho phép kèm %1</translation>
    </message>
    <message>
        <source>deny %1</source>
        <translation>từ chối %1</translation>
    </message>
    <message>
        <source>%1, Content-Type %2</source>
        <translation>%1, Content-Type %2</translation>
    </message>
    <message>
        <source>%1, no Content-Type</source>
        <translation>%1, không có Content-Type</translation>
    </message>
    <message>
        <source>%1, sent slowly</source>
        <translation>%1, gửi chậm</translation>
    </message>
    <message>
        <source>%1 after %2 ms</source>
        <translation>%1 sau %2 ms</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <source>Checked top to bottom before the assets; the first matching rule decides.</source>
        <translation>Được kiểm tra từ trên xuống trước các asset; quy tắc khớp đầu tiên sẽ quyết định.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Thêm</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Nhân bản</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>Xó&amp;a</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Chuyển &amp;lên</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>Chuyển &amp;xuống</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>Quy tắc %1</translation>
    </message>
    <message>
        <source>Add rule %1</source>
        <translation>Thêm quy tắc %1</translation>
    </message>
    <message>
        <source>Edit rule %1</source>
        <translation>Sửa quy tắc %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (bản sao)</translation>
    </message>
    <message>
        <source>Duplicate rule %1</source>
        <translation>Nhân bản quy tắc %1</translation>
    </message>
    <message>
        <source>Delete rule %1</source>
        <translation>Xóa quy tắc %1</translation>
    </message>
    <message>
        <source>Move rule %1</source>
        <translation>Di chuyển quy tắc %1</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>callbacklab: %1</source>
        <translation>callbacklab: %1</translation>
    </message>
    <message>
        <source>callbacklab: %1: %2</source>
        <translation>callbacklab: %1: %2</translation>
    </message>
    <message>
        <source>callbacklab: logging exchanges to %1</source>
        <translation>callbacklab: ghi nhật ký lượt trao đổi vào %1</translation>
    </message>
    <message>
        <source>callbacklab: warning: %1; exchanges are not logged (choose another file with --log-db, such as %2)</source>
        <translation>callbacklab: cảnh báo: %1; lượt trao đổi không được ghi nhật ký (chọn tệp khác bằng --log-db, ví dụ %2)</translation>
    </message>
</context>
<context>
    <name>ServerBar</name>
    <message>
        <source>IP address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for every IPv4 interface</source>
        <translation>Địa chỉ IP để lắng nghe: 127.0.0.1 chỉ cho máy này, 0.0.0.0 cho mọi giao diện IPv4</translation>
    </message>
    <message>
        <source>TCP port; 0 picks a free port at each start</source>
        <translation>Cổng TCP; 0 chọn một cổng trống mỗi lần bắt đầu</translation>
    </message>
    <message>
        <source>any path</source>
        <translation>mọi đường dẫn</translation>
    </message>
    <message>
        <source>Callback path, e.g. /callback; requests to other paths get 404. Leave empty to treat every path as the callback.</source>
        <translation>Đường dẫn callback, ví dụ /callback; yêu cầu tới đường dẫn khác nhận 404. Để trống để coi mọi đường dẫn là callback.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>The callback URL to enter on the DRM vendor&apos;s dashboard</source>
        <translation>URL callback cần nhập trên dashboard của nhà cung cấp DRM</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Sao chép</translation>
    </message>
    <message>
        <source>Copy the callback URL</source>
        <translation>Sao chép URL callback</translation>
    </message>
    <message>
        <source>Address and port changes apply on the next Start</source>
        <translation>Thay đổi địa chỉ và cổng có hiệu lực ở lần Bắt đầu tiếp theo</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Địa chỉ:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Cổng:</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>Đường dẫn:</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Đã dừng</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Đang khởi động</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Đang lắng nghe</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Thất bại</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address and is not saved; use e.g. 127.0.0.1 or 0.0.0.0</source>
        <translation>&quot;%1&quot; không phải địa chỉ IP và không được lưu; hãy dùng ví dụ 127.0.0.1 hoặc 0.0.0.0</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>không lắng nghe</translation>
    </message>
</context>
<context>
    <name>SessionsView</name>
    <message>
        <source>By session</source>
        <translation>Theo session</translation>
    </message>
    <message>
        <source>By user</source>
        <translation>Theo user</translation>
    </message>
    <message>
        <source>Counting...</source>
        <translation>Đang đếm...</translation>
    </message>
    <message>
        <source>the request log is not open</source>
        <translation>nhật ký yêu cầu chưa được mở</translation>
    </message>
    <message>
        <source>Grouping failed: %1</source>
        <translation>Nhóm thất bại: %1</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Số session</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>Lượt trao đổi</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Lần đầu</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Lần cuối</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Cho phép</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Bác bỏ</translation>
    </message>
    <message numerus="yes">
        <source>The %n largest groups</source>
        <translation>
            <numerusform>%n nhóm lớn nhất</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n nhóm</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>Edit settings</source>
        <translation>Sửa cài đặt</translation>
    </message>
    <message>
        <source>Replace settings</source>
        <translation>Thay thế cài đặt</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>không đọc được: %1</translation>
    </message>
    <message>
        <source>Cannot save profile %1: %2</source>
        <translation>Không thể lưu hồ sơ %1: %2</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>Cannot use request log %1: %2</source>
        <translation>Không thể dùng nhật ký yêu cầu %1: %2</translation>
    </message>
</context>
<context>
    <name>StoredLogModel</name>
    <message>
        <source>%1, client gone</source>
        <translation>%1, client đã ngắt</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>đã đóng</translation>
    </message>
    <message>
        <source>no reply</source>
        <translation>không phản hồi</translation>
    </message>
</context>
<context>
    <name>TrafficStatusLabel</name>
    <message>
        <source>Allowed %1 · Denied %2 · Rejected %3 · %4 callbacks/s</source>
        <translation>Cho phép %1 · Từ chối %2 · Bác bỏ %3 · %4 callback/s</translation>
    </message>
</context>
</TS>
