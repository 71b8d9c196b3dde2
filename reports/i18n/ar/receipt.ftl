# وصل العضو الورقي (`amana report receipt`): صفحة واحدة يحتفظ بها العضو أو المتبرع.

receipt-title = وصل استلام
receipt-number = رقم { $number }
receipt-details = الدفعة
receipt-sentence = تُقرّ { $association } بأنها تسلّمت من { $payer } مبلغ { $words } ({ $figures }) بتاريخ { $date }.
receipt-payer-unknown = عضو أو متبرع
receipt-received-from = تسلّمنا من
receipt-date = التاريخ
receipt-for = موضوع الدفعة
receipt-reference = المرجع
receipt-amount = المبلغ
receipt-amount-figures = بالأرقام
receipt-amount-words = بالحروف
receipt-proof = الإثبات في الحسابات المختومة
receipt-seal = الختم
receipt-seal-covers = يشمل الختم
receipt-entries-1-to = القيود من 1 إلى { $last }
receipt-signed-by = الختم موقّع من طرف
receipt-no-seal = لا يشمل أي ختم هذه الدفعة بعد: اطلب هذا الوصل من أمين المال من جديد بعد الختم القادم حتى يمكن التحقق منه.
receipt-transaction = القيد المحاسبي
receipt-chain-entry = قيد السلسلة
receipt-entry-hash = بصمة القيد
receipt-how-to-check = للتحقق من هذا الوصل، شغّل الأمر التالي مع ملف الإثبات الذي سلّمه لك أمين المال وبصمة الختم كما نشرتها الجمعية:
receipt-command = الأمر
receipt-qr-holds = يتضمن رمز QR بصمة الختم، والقيد المحاسبي، وقيد السلسلة وبصمته، والمبلغ والتاريخ (amana-receipt/1).
receipt-signature = توقيع أمين المال
receipt-signature-hint = خاتم الجمعية
