# التقرير الموجّه إلى الجهة المانحة (`amana report funder --grant ID`): ما تقرؤه الجهة المانحة
# عن المنحة التي قدّمتها. صيغة Fluent (https://projectfluent.org): `{ $name }` وسيط.

funder-title = التقرير المالي الموجّه إلى الجهة المانحة: المنحة { $grant }
funder-subtitle = المنحة { $grant } المقدّمة من { $funder }
funder-period-open = من { $from } إلى آخر قيد مسجّل
funder-in = بـ { $currency }
funder-figures-in = المبالغ بـ { $currency }.

funder-section-agreement = اتفاقية المنحة
funder-funder = الجهة المانحة
funder-funder-type = صنف الجهة المانحة
funder-type-public-local = جماعة ترابية
funder-type-public-national = برنامج عمومي وطني
funder-type-foreign-public = مانح عمومي أجنبي
funder-type-foreign-private = مانح خاص أجنبي
funder-type-private = مانح خاص
funder-type-individual = شخص ذاتي
funder-type-members = الأعضاء
funder-amount = المبلغ المتفق عليه
funder-amount-ledger = المبلغ المتفق عليه بـ { $currency }
funder-grant-period = مدة الاتفاقية
funder-grant-period-range = من { $start } إلى { $end }
funder-last-eligible = آخر أجل لقبول المصاريف
funder-purpose = الغرض
funder-restricted = مخصّصة لغرضها
funder-rate-method = سعر الصرف
funder-rate-instalments = السعر المتوسط المرجّح للأشطر المحصّلة: { $quote }
funder-rate-daily = سعر يوم كل عملية (جدول الأسعار)؛ آخر سعر: { $quote }
funder-rate-none = المبلغ بـ { $currency } المسجّل في كل قيد؛ آخر سعر: { $quote }
funder-rate-unknown = لا يوجد سعر معروف بعد

funder-section-summary = الخلاصة
funder-received = المبالغ المحصّلة
funder-spent = المصاريف المنجزة
funder-unspent = الرصيد غير المستعمل
funder-period-received = المحصّل خلال الفترة
funder-period-spent = المصاريف خلال الفترة

funder-section-instalments = الأشطر المحصّلة
funder-rate = السعر
funder-no-instalments = لم يُحصَّل أي مبلغ بعد.

funder-section-budget = الميزانية التقديرية مقابل المنجز
funder-line = البند
funder-budget = الميزانية
funder-variance = الفارق
funder-variance-percent = الفارق بالنسبة المئوية
funder-executed = نسبة الإنجاز
funder-overspent = تجاوز للميزانية.
funder-explanation = التبرير (الأرقام إلى غاية { $through }): { $text }
funder-explanation-missing = التبرير غير موجود: الفارق يتجاوز العتبة.
funder-no-line = مصاريف غير مرصودة لأي بند من بنود الميزانية
funder-threshold = الفارق هو الميزانية ناقص المنجز. يجب تبرير الفارق إذا تجاوز { $percent } من ميزانية البند وتجاوز { $amount }.
funder-missing-notice = { $count ->
    [one] بند واحد من الميزانية يتجاوز فارقه العتبة دون تبرير
    [two] بندان من الميزانية يتجاوز فارقهما العتبة دون تبرير
   *[other] { $count } من بنود الميزانية تتجاوز فوارقها العتبة دون تبرير
} (يسجّل أمين المال التبرير بواسطة `amana grant explain`).
funder-chart = الميزانية والمنجز حسب البند

funder-section-cofunding = التمويل المشترك لنفس المصاريف
funder-cofunding-intro = كل حساب من حسابات المصاريف التي تموّلها هذه المنحة، مع ما رصدته له المنح الأخرى والأموال الذاتية للجمعية خلال نفس الفترة: لا تُموَّل نفس التكلفة مرتين.
funder-this-grant = هذه المنحة
funder-other-grants = منح أخرى
funder-own-funds = الأموال الذاتية

funder-section-unspent = الرصيد غير المستعمل
funder-dedicated = المسجّل ضمن الأموال المخصصة عند آخر إقفال
funder-carried-year = المرحّل عند إقفال { $year } (بالسالب: استرجاع)
funder-outcome-none = استُعمل كل ما تم تحصيله.
funder-outcome-to-spend = يبقى الرصيد غير المستعمل مخصّصاً لغرض المنحة: يُسجَّل ضمن الأموال المخصصة عند كل إقفال سنوي، ويجب استعماله في أجل أقصاه { $date }.
funder-outcome-to-refund = انتهت مدة أهلية المنحة في { $date }: يجب إرجاع الرصيد غير المستعمل البالغ { $amount } إلى الجهة المانحة، ما لم توافق كتابةً على خلاف ذلك.
funder-outcome-unrestricted = المنحة غير مخصّصة: رصيدها غير المستعمل يعود إلى الجمعية.
funder-outcome-overspent = المصاريف تفوق المبالغ المحصّلة: يبقى { $amount } للتحصيل في إطار الاتفاقية أو تغطيه الأموال الذاتية للجمعية.

funder-section-expenses = المصاريف المرصودة على المنحة
funder-expenses-count = { $count ->
    [one] مصروف واحد، مع بصمة (SHA-256) كل وثيقة إثبات محفوظة له.
    [two] مصروفان، مع بصمة (SHA-256) كل وثيقة إثبات محفوظة لكل منهما.
   *[other] { $count } من المصاريف، مع بصمة (SHA-256) كل وثيقة إثبات محفوظة لكل منها.
}
funder-receipts = وثائق الإثبات
funder-no-expenses = لم تُرصد أي مصاريف بعد.
