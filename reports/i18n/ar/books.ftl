# الدفاتر: ميزان المراجعة العام (`report trial-balance`) ودفتر الأستاذ العام
# (`report ledger --account CODE`).

books-period-through = إلى غاية { $to }
books-opening-debit = الرصيد الافتتاحي المدين
books-opening-credit = الرصيد الافتتاحي الدائن
books-period-debit = الحركات المدينة
books-period-credit = الحركات الدائنة
books-closing-debit = الرصيد المدين
books-closing-credit = الرصيد الدائن
books-class = الصنف { $class }: { $name }
books-class-total = مجموع الصنف { $class }
books-grand-total = المجموع العام
books-accounts = الحسابات
books-by-class = الحسابات حسب الصنف
books-no-accounts = لا يوجد أي حساب سُجِّلت فيه حركة خلال هذه الفترة.
books-balanced = مجموع المدين يساوي مجموع الدائن في كل زوج من الأعمدة.
books-unbalanced = مجموع المدين لا يساوي مجموع الدائن: عُدِّل الملف خارج amana (شغّل `amana verify`).
books-dr = مدين
books-cr = دائن
books-number = رقم القيد
books-counter = الحساب المقابل
books-period-total = مجاميع الفترة
books-kind-reversal = إلغاء قيد سابق بقيد عكسي
books-kind-closing = قيد إقفال السنة المالية
trial-balance-title = ميزان المراجعة العام
trial-balance-subtitle = الأرصدة الافتتاحية وحركات الفترة وأرصدة الإقفال، حسب الحساب
ledger-title = دفتر الأستاذ العام
ledger-subtitle = الحسابات { $account }، بعملة { $currency }
ledger-no-posting = لا يوجد أي حساب يبدأ بـ { $account } له رصيد أو حركة إلى غاية نهاية الفترة.
