<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountEditor</name>
    <message>
        <source>Edit {label} of “{name}”</source>
        <translation>编辑“{name}”的{label}</translation>
    </message>
    <message>
        <source>Could not {lower}: {exc}</source>
        <translation>无法{lower}：{exc}</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>titleLabel</source>
        <translation>titleLabel</translation>
    </message>
    <message>
        <source>Account &amp;name</source>
        <translation>账户名称(&amp;N)</translation>
    </message>
    <message>
        <source>fieldError</source>
        <translation>fieldError</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>行业(&amp;I)</translation>
    </message>
    <message>
        <source>C&amp;ountry</source>
        <translation>国家/地区(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Employees</source>
        <translation>员工人数(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;ARR</source>
        <translation>ARR(&amp;A)</translation>
    </message>
    <message>
        <source>e.g. 120000 or 120k</source>
        <translation>例如 120000 或 120k</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Licensed &amp;seats</source>
        <translation>许可席位(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Renewal date</source>
        <translation>续约日期(&amp;R)</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <source>CSM o&amp;wner</source>
        <translation>负责的 CSM(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation>层级(&amp;T)</translation>
    </message>
    <message>
        <source>Customer lan&amp;guage</source>
        <translation>客户语言(&amp;G)</translation>
    </message>
    <message>
        <source>The language of this account&apos;s deck, brief, emails and invite</source>
        <translation>此客户的演示文稿、简报、邮件和会议邀请所用的语言</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Metric history by quarter</source>
        <translation>按季度的指标历史</translation>
    </message>
    <message>
        <source>sectionTitle</source>
        <translation>sectionTitle</translation>
    </message>
</context>
<context>
    <name>AccountInsightsPanel</name>
    <message>
        <source>Choose an account to see its health.</source>
        <translation>选择一个账户查看其健康状况。</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This account</source>
        <translation>本账户</translation>
    </message>
    <message>
        <source>Peer median</source>
        <translation>同类中位数</translation>
    </message>
    <message>
        <source>Percentile</source>
        <translation>百分位</translation>
    </message>
    <message>
        <source>In words</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>机遇</translation>
    </message>
    <message>
        <source>Assumption</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>Modules and plan &amp;owned…</source>
        <translation>已拥有的模块和套餐(&amp;O)…</translation>
    </message>
    <message>
        <source>Edit de&amp;partments…</source>
        <translation>编辑部门(&amp;P)…</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康评分</translation>
    </message>
    <message>
        <source>Peer benchmark</source>
        <translation>同类基准对比</translation>
    </message>
    <message>
        <source>Expansion whitespace</source>
        <translation>扩展空间</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>calculating this account&apos;s insights</source>
        <translation>计算本账户的洞察</translation>
    </message>
    <message>
        <source>Could not calculate this account&apos;s insights: {message}</source>
        <translation>无法计算本账户的洞察：{message}</translation>
    </message>
    <message>
        <source>{dimension} (weight {weight:g})</source>
        <translation>{dimension}（权重 {weight:g}）</translation>
    </message>
    <message>
        <source>No dimension moved by 3 points or more since last quarter.</source>
        <translation>自上季度以来，没有维度变动达到 3 分或以上。</translation>
    </message>
    <message>
        <source>Compared with {description} ({size} peers).</source>
        <translation>对比对象：{description}（{size} 个同类账户）。</translation>
    </message>
    <message>
        <source>Estimated expansion: {total} a year. Readiness: {level}. {reasons}</source>
        <translation>预计扩展收入：每年 {total}。就绪程度：{level}。{reasons}</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Risks and opportunities</source>
        <translation>风险与机遇</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>The numbers suggest nothing the register lacks.</source>
        <translation>从数据看，登记册中没有遗漏的项目。</translation>
    </message>
    <message>
        <source>Add a suggestion</source>
        <translation>添加建议</translation>
    </message>
    <message>
        <source>Suggested by health, renewal and expansion:</source>
        <translation>根据健康、续约和扩展给出的建议：</translation>
    </message>
</context>
<context>
    <name>AccountListPanel</name>
    <message>
        <source>Filter accounts (Ctrl+F): name, industry, tier, CSM…</source>
        <translation>筛选账户 (Ctrl+F)：名称、行业、层级、CSM…</translation>
    </message>
    <message>
        <source>Filter accounts</source>
        <translation>筛选账户</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>My accounts</source>
        <translation>我的账户</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>所有账户</translation>
    </message>
    <message>
        <source>{total:,} accounts</source>
        <translation>{total:,} 个账户</translation>
    </message>
    <message>
        <source>{shown:,} of {total:,} accounts</source>
        <translation>{shown:,} / {total:,} 个账户</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>{arr_text} ARR</source>
        <translation>ARR {arr_text}</translation>
    </message>
    <message>
        <source>{licensed_seats:,} seats</source>
        <translation>{licensed_seats:,} 个席位</translation>
    </message>
    <message>
        <source>next QBR {next_review}</source>
        <translation>下次 QBR {next_review}</translation>
    </message>
    <message>
        <source>Created {astimezone:%Y-%m-%d %H:%M} · last saved {astimezone2:%Y-%m-%d %H:%M}</source>
        <translation>创建于 {astimezone:%Y-%m-%d %H:%M} · 上次保存 {astimezone2:%Y-%m-%d %H:%M}</translation>
    </message>
    <message>
        <source>Metric history by quarter</source>
        <translation>按季度的指标历史</translation>
    </message>
    <message>
        <source>Metric history by quarter: none recorded yet</source>
        <translation>按季度的指标历史：尚无记录</translation>
    </message>
    <message>
        <source>Details of “{name}”: {join} not saved</source>
        <translation>“{name}”的详细信息：{join} 未保存</translation>
    </message>
</context>
<context>
    <name>AddTaskDialog</name>
    <message>
        <source>Add task</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <source>What needs doing</source>
        <translation>需要做什么</translation>
    </message>
    <message>
        <source>From the date (before or after the meeting)</source>
        <translation>距会议日期（之前或之后）</translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation>任务(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>截止(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Phase:</source>
        <translation>阶段(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>AgendaBuilder</name>
    <message>
        <source>Replace the sections with a template&apos;s</source>
        <translation>用模板的议程段落替换当前段落</translation>
    </message>
    <message>
        <source>Use template</source>
        <translation>使用模板</translation>
    </message>
    <message>
        <source> min booked</source>
        <translation> 分钟已安排</translation>
    </message>
    <message>
        <source>Aim {percent}/{value} forward/back</source>
        <translation>目标 {percent}/{value}（展望/回顾）</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>议程段落</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>侧重</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>添加段落</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move the section earlier</source>
        <translation>将段落上移</translation>
    </message>
    <message>
        <source>Move the section later</source>
        <translation>将段落下移</translation>
    </message>
    <message>
        <source>⚠ Not saved: </source>
        <translation>⚠ 未保存：</translation>
    </message>
    <message>
        <source>⚠ Not saved: {exc}</source>
        <translation>⚠ 未保存：{exc}</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>讨论</translation>
    </message>
    <message>
        <source>This agenda was edited or has notes. Make it again from the template “{name}”, in the customer&apos;s language? Changed sections are replaced; notes stay with their sections.</source>
        <translation>此议程已被编辑或记有笔记。要按模板“{name}”以客户的语言重新生成吗？改动过的环节会被替换；笔记仍保留在各自的环节中。</translation>
    </message>
</context>
<context>
    <name>AgendaTab</name>
    <message>
        <source>QBR</source>
        <translation>QBR</translation>
    </message>
    <message>
        <source>The next QBR opens first; pick a past one to see how it ran</source>
        <translation>默认打开下一次 QBR；选择过去的一次可查看其进行情况</translation>
    </message>
    <message>
        <source>This meeting&apos;s action items</source>
        <translation>本次会议的行动项</translation>
    </message>
    <message>
        <source>Who is here</source>
        <translation>到场人员</translation>
    </message>
    <message>
        <source>Action items from this meeting</source>
        <translation>本次会议的行动项</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Run the meeting</source>
        <translation>主持会议</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Review card</source>
        <translation>回顾卡片</translation>
    </message>
    <message>
        <source>QBR:</source>
        <translation>QBR：</translation>
    </message>
    <message>
        <source>{account_name} — QBR {scheduled_at} ({status})</source>
        <translation>{account_name} — QBR {scheduled_at}（{status}）</translation>
    </message>
    <message>
        <source>, due {due}</source>
        <translation>，截止 {due}</translation>
    </message>
    <message>
        <source>Save the follow-up email draft</source>
        <translation>保存跟进邮件草稿</translation>
    </message>
    <message>
        <source>{name} – follow-up.eml</source>
        <translation>{name} – 跟进邮件.eml</translation>
    </message>
    <message>
        <source>Email draft (*.eml)</source>
        <translation>邮件草稿 (*.eml)</translation>
    </message>
    <message>
        <source>Writing the follow-up email…</source>
        <translation>正在写入跟进邮件…</translation>
    </message>
    <message>
        <source>writing the follow-up email</source>
        <translation>写入跟进邮件</translation>
    </message>
    <message>
        <source>Saved {path}: open it to review and send.</source>
        <translation>已保存 {path}：打开即可检查并发送。</translation>
    </message>
</context>
<context>
    <name>AttendanceTable</name>
    <message>
        <source>Review</source>
        <translation>回顾</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>已邀请</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已出席</translation>
    </message>
    <message>
        <source>No QBR is recorded for this account yet: schedule one on the Prep timeline tab to track who comes.</source>
        <translation>此账户尚无 QBR 记录：请在“准备时间线”标签页安排一次，以跟踪出席情况。</translation>
    </message>
    <message>
        <source> (left)</source>
        <translation>（已离开）</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Executive attendance: {light} — {reason}</source>
        <translation>高管出席：{light} — {reason}</translation>
    </message>
</context>
<context>
    <name>CalendarExportButton</name>
    <message>
        <source>Export to &amp;calendar…</source>
        <translation>导出到日历(&amp;C)…</translation>
    </message>
    <message>
        <source>QBR {isoformat}</source>
        <translation>QBR {isoformat}</translation>
    </message>
    <message>
        <source> invitation</source>
        <translation> 邀请</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>导出到日历</translation>
    </message>
    <message>
        <source>Calendar file (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <source>writing the calendar file</source>
        <translation>写入日历文件</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <source>Product catalogue</source>
        <translation>产品目录</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>定价</translation>
    </message>
    <message>
        <source>Price a year</source>
        <translation>年度价格</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>&amp;Add entry</source>
        <translation>添加条目(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove entry</source>
        <translation>删除条目(&amp;R)</translation>
    </message>
    <message>
        <source>Modules and plans you sell, with yearly list prices. Expansion estimates offer what an account does not own yet.</source>
        <translation>你销售的模块和套餐及其年度标价。扩展估算会推荐账户尚未拥有的产品。</translation>
    </message>
</context>
<context>
    <name>ChangeWatcher</name>
    <message>
        <source>looking for colleagues&apos; changes</source>
        <translation>查找同事的更改</translation>
    </message>
</context>
<context>
    <name>ChartRedrawer</name>
    <message>
        <source>Drawing charts…</source>
        <translation>正在绘制图表…</translation>
    </message>
    <message>
        <source>Could not draw the charts: {message}</source>
        <translation>无法绘制图表：{message}</translation>
    </message>
    <message>
        <source>drawing the ROI charts</source>
        <translation>绘制 ROI 图表</translation>
    </message>
</context>
<context>
    <name>CheckIn</name>
    <message>
        <source>Attendee check-in</source>
        <translation>参会签到</translation>
    </message>
    <message>
        <source>Nobody is on the stakeholder map yet: add the account&apos;s people on the Stakeholders tab to check them in here.</source>
        <translation>利益相关方地图上还没有人：请在“利益相关方”标签页添加该账户的人员，然后在这里签到。</translation>
    </message>
</context>
<context>
    <name>CoverageList</name>
    <message>
        <source>Coverage findings</source>
        <translation>覆盖情况发现</translation>
    </message>
    <message>
        <source>{mark}: {finding}</source>
        <translation>{mark}：{finding}</translation>
    </message>
    <message>
        <source>Coverage looks sound: nothing to act on.</source>
        <translation>覆盖情况良好：无需处理。</translation>
    </message>
    <message>
        <source>%n risk</source>
        <translation>%n 个风险</translation>
    </message>
    <message>
        <source>%n risks</source>
        <translation>%n 个风险</translation>
    </message>
    <message>
        <source>%n warning</source>
        <translation>%n 个警告</translation>
    </message>
    <message>
        <source>%n warnings</source>
        <translation>%n 个警告</translation>
    </message>
    <message>
        <source>. Select one to see its people on the map.</source>
        <translation>。选择一项即可在地图上查看相关人员。</translation>
    </message>
</context>
<context>
    <name>DateEntry</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>DeckExporting</name>
    <message>
        <source>Writing the {kind}…</source>
        <translation>正在写入{kind}…</translation>
    </message>
    <message>
        <source>preparing the {kind}</source>
        <translation>准备{kind}</translation>
    </message>
    <message>
        <source>Not exported: type the whole path of a folder, or pick one with Folder…</source>
        <translation>未导出：请输入文件夹的完整路径，或用“文件夹…”选择一个。</translation>
    </message>
    <message>
        <source>Nothing was written; {name} is as it was.</source>
        <translation>未写入任何内容；{name} 保持原样。</translation>
    </message>
    <message>
        <source>writing the {kind}</source>
        <translation>写入{kind}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>The folder {made_folder} was made for it.</source>
        <translation>已为此新建文件夹 {made_folder}。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Not exported: {message}</source>
        <translation>未导出：{message}</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>DeckQueue</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>CSM</source>
        <translation>CSM</translation>
    </message>
    <message>
        <source>QBR on</source>
        <translation>QBR 日期</translation>
    </message>
    <message>
        <source>Waiting since</source>
        <translation>等待起始</translation>
    </message>
    <message>
        <source>Waiting for my review</source>
        <translation>等待我审阅</translation>
    </message>
    <message>
        <source>Decks waiting for my review</source>
        <translation>等待我审阅的演示文稿</translation>
    </message>
    <message>
        <source>Waiting for my review: not read ({message})</source>
        <translation>等待我审阅：未能读取（{message}）</translation>
    </message>
    <message>
        <source>Waiting for my review: no deck</source>
        <translation>等待我审阅：没有演示文稿</translation>
    </message>
    <message>
        <source>Waiting for my review: 1 deck</source>
        <translation>等待我审阅：1 份演示文稿</translation>
    </message>
    <message>
        <source>Waiting for my review: {count} decks</source>
        <translation>等待我审阅：{count} 份演示文稿</translation>
    </message>
    <message>
        <source>none planned</source>
        <translation>尚未安排</translation>
    </message>
</context>
<context>
    <name>DeckReviewBar</name>
    <message>
        <source>Ready for review</source>
        <translation>待审阅</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>退回草稿</translation>
    </message>
    <message>
        <source>No one (a checklist)</source>
        <translation>无人（仅作清单）</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <source>What should change</source>
        <translation>需要修改的内容</translation>
    </message>
    <message>
        <source>What should change (to send it back)</source>
        <translation>需要修改的内容（退回时填写）</translation>
    </message>
    <message>
        <source>Request changes</source>
        <translation>要求修改</translation>
    </message>
    <message>
        <source>Re&amp;viewer:</source>
        <translation>审阅人(&amp;V)：</translation>
    </message>
    <message>
        <source>Review state not read: {exc}</source>
        <translation>未能读取审阅状态：{exc}</translation>
    </message>
    <message>
        <source>Manager review: {summary}</source>
        <translation>经理审阅：{summary}</translation>
    </message>
    <message>
        <source>Not saved: {exc}</source>
        <translation>未保存：{exc}</translation>
    </message>
</context>
<context>
    <name>DeckTab</name>
    <message>
        <source>Slides</source>
        <translation>幻灯片</translation>
    </message>
    <message>
        <source>Move the slide earlier</source>
        <translation>将幻灯片上移</translation>
    </message>
    <message>
        <source>Move the slide later</source>
        <translation>将幻灯片下移</translation>
    </message>
    <message>
        <source>Default slides</source>
        <translation>默认幻灯片</translation>
    </message>
    <message>
        <source>From the tier</source>
        <translation>按层级</translation>
    </message>
    <message>
        <source>One item per line; write &apos;item → goal&apos; to tie it to a goal</source>
        <translation>每行一项；写成“事项 → 目标”可将其关联到目标</translation>
    </message>
    <message>
        <source>Next quarter&apos;s priorities, one per line</source>
        <translation>下季度的优先事项，每行一项</translation>
    </message>
    <message>
        <source>Recommendations, one per line (left empty, the deck drafts some)</source>
        <translation>建议，每行一项（留空则由演示文稿自动起草）</translation>
    </message>
    <message>
        <source>Your PowerPoint template (.pptx), optional</source>
        <translation>你的 PowerPoint 模板 (.pptx)，可选</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Your logo (PNG or JPEG), optional</source>
        <translation>你的徽标（PNG 或 JPEG），可选</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Export deck</source>
        <translation>导出演示文稿</translation>
    </message>
    <message>
        <source>Brief (PDF)</source>
        <translation>简报 (PDF)</translation>
    </message>
    <message>
        <source>Handout (PDF)</source>
        <translation>讲义 (PDF)</translation>
    </message>
    <message>
        <source>Share by email…</source>
        <translation>通过邮件分享…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reveal in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Slides (untick to hide, drag to reorder)</source>
        <translation>幻灯片（取消勾选可隐藏，拖动可排序）</translation>
    </message>
    <message>
        <source>Deck check</source>
        <translation>演示文稿检查</translation>
    </message>
    <message>
        <source>&amp;Roadmap</source>
        <translation>路线图(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Priorities</source>
        <translation>优先事项(&amp;P)</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Risks on the slide</source>
        <translation>幻灯片上的风险</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>强调色</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>徽标</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>Could not read the deck plan: {exc}</source>
        <translation>无法读取演示文稿计划：{exc}</translation>
    </message>
    <message>
        <source>Could not read the risk register: {exc}</source>
        <translation>无法读取风险登记册：{exc}</translation>
    </message>
    <message>
        <source>Checking the deck…</source>
        <translation>正在检查演示文稿…</translation>
    </message>
    <message>
        <source>checking the deck</source>
        <translation>检查演示文稿</translation>
    </message>
    <message>
        <source>Missing:</source>
        <translation>缺少：</translation>
    </message>
    <message>
        <source>Left out of this deck:</source>
        <translation>本演示文稿未包含：</translation>
    </message>
    <message>
        <source> (left out: nothing to show yet)</source>
        <translation>（未包含：暂无可展示内容）</translation>
    </message>
    <message>
        <source> (backup)</source>
        <translation>（备用）</translation>
    </message>
    <message>
        <source>Not saved: </source>
        <translation>未保存：</translation>
    </message>
    <message>
        <source>Not saved: {exc}</source>
        <translation>未保存：{exc}</translation>
    </message>
    <message>
        <source>Save the files in</source>
        <translation>文件保存位置</translation>
    </message>
</context>
<context>
    <name>DepartmentsDialog</name>
    <message>
        <source>Departments of {account_name}</source>
        <translation>{account_name} 的部门</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>The department&apos;s name, as the customer says it</source>
        <translation>部门名称，按客户的叫法</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>People in the department; empty if you do not know</source>
        <translation>部门人数；不清楚可留空</translation>
    </message>
    <message>
        <source>Uses our product</source>
        <translation>使用我们的产品</translation>
    </message>
    <message>
        <source>Ticked when it uses the product already</source>
        <translation>已在使用产品时勾选</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>&amp;Departments, their headcount, and whether each uses the product yet. Those that do not are expansion whitespace.</source>
        <translation>部门(&amp;D)、人数，以及各部门是否已使用产品。尚未使用的部门就是扩展空间。</translation>
    </message>
    <message>
        <source>&amp;Add department</source>
        <translation>添加部门(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove department</source>
        <translation>删除部门(&amp;R)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>ExpansionView</name>
    <message>
        <source>Opportunity</source>
        <translation>机遇</translation>
    </message>
    <message>
        <source>Added cost a year</source>
        <translation>每年新增成本</translation>
    </message>
    <message>
        <source>Projected value</source>
        <translation>预计价值</translation>
    </message>
    <message>
        <source>ROI, first year</source>
        <translation>首年 ROI</translation>
    </message>
    <message>
        <source>Payback</source>
        <translation>回本期</translation>
    </message>
    <message>
        <source>{title}
{ramp_months}-month ramp-up</source>
        <translation>{title}
{ramp_months} 个月爬坡期</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <source>Remove action</source>
        <translation>删除行动项</translation>
    </message>
    <message>
        <source>Follow-up email…</source>
        <translation>跟进邮件…</translation>
    </message>
    <message>
        <source>A draft with the recap and the action items (.eml), addressed to the attendees</source>
        <translation>包含回顾摘要和行动项的草稿 (.eml)，收件人为参会者</translation>
    </message>
    <message>
        <source>Could not read the action items: {exc}</source>
        <translation>无法读取行动项：{exc}</translation>
    </message>
    <message>
        <source>No action items yet: add them during the meeting, on the Run the meeting tab.</source>
        <translation>尚无行动项：请在会议中于“主持会议”标签页添加。</translation>
    </message>
    <message>
        <source>meets</source>
        <translation>达到</translation>
    </message>
    <message>
        <source>is below</source>
        <translation>低于</translation>
    </message>
    <message>
        <source>; {overdue} overdue</source>
        <translation>；{overdue} 项逾期</translation>
    </message>
    <message>
        <source>{done} of {counted} done ({percent}%), which {verdict} the {target}% target{overdue}.</source>
        <translation>已完成 {done} / {counted}（{percent}%），{verdict} {target}% 的目标{overdue}。</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation>（逾期）</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>我方</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>客户方</translation>
    </message>
</context>
<context>
    <name>GettingStartedDialog</name>
    <message>
        <source>Getting started</source>
        <translation>入门指南</translation>
    </message>
</context>
<context>
    <name>HealthWeightsDialog</name>
    <message>
        <source>Health weights</source>
        <translation>健康权重</translation>
    </message>
    <message>
        <source>Reset to &amp;defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
    <message>
        <source>Weights are relative: a dimension without data is left out and the others share its weight.</source>
        <translation>权重为相对值：没有数据的维度不计入，其权重由其他维度分摊。</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Value a year</source>
        <translation>年度价值</translation>
    </message>
    <message>
        <source>Payback</source>
        <translation>回本期</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Preparation tasks are never due on these days, as on weekends. Plans made from now on skip them; a plan made earlier is re-dated when its meeting moves.</source>
        <translation>准备任务不会安排在这些日子到期，与周末相同。今后制定的计划会跳过这些日子；已制定的计划会在会议改期时重新排期。</translation>
    </message>
    <message>
        <source>Day to add</source>
        <translation>要添加的日期</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>The holidays were not saved: {exc}</source>
        <translation>节假日未保存：{exc}</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Who are you?</source>
        <translation>你是谁？</translation>
    </message>
    <message>
        <source>name@company.example</source>
        <translation>name@company.example</translation>
    </message>
    <message>
        <source>Your colleagues on this team server see your name beside the accounts you own and the changes you save.</source>
        <translation>团队服务器上的同事会在你负责的账户和你保存的更改旁看到你的姓名。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>importing the file</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose a file exported from your CRM or a spreadsheet.</source>
        <translation>选择从 CRM 或电子表格导出的文件。</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>选择文件(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <source>Decide from the file</source>
        <translation>根据文件判断</translation>
    </message>
    <message>
        <source>&amp;Dates like 05/06/2026:</source>
        <translation>日期格式，如 05/06/2026(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Import:</source>
        <translation>导入(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>前几行预览</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>导入摘要</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Columns guessed from the headers; check them.</source>
        <translation>已根据表头推测列，请检查。</translation>
    </message>
    <message>
        <source>Columns remembered: {describe}.</source>
        <translation>已记住的列：{describe}。</translation>
    </message>
    <message>
        <source>Columns as you chose them last time for this layout.</source>
        <translation>按你上次为此布局选择的列。</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>Choosing columns…</source>
        <translation>正在选择列…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>{file}: {described}. {notices}</source>
        <translation>{file}：{described}。{notices}</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>a period, rolled up to its quarter</source>
        <translation>一个时间段，汇总到所属季度</translation>
    </message>
    <message>
        <source> Some dates read both ways: choose the date order above.</source>
        <translation> 部分日期有两种读法：请在上方选择日期顺序。</translation>
    </message>
    <message>
        <source> Periods: {periods}.</source>
        <translation> 时间段：{periods}。</translation>
    </message>
    <message>
        <source>{summary}.</source>
        <translation>{summary}。</translation>
    </message>
    <message>
        <source>Imported: {summary}.</source>
        <translation>已导入：{summary}。</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>ImportDialogBase</name>
    <message>
        <source>Day first (31/12/2026)</source>
        <translation>日在前 (31/12/2026)</translation>
    </message>
    <message>
        <source>Month first (12/31/2026)</source>
        <translation>月在前 (12/31/2026)</translation>
    </message>
    <message>
        <source>Importing… the dialog closes once the import is saved.</source>
        <translation>正在导入… 导入保存后对话框会关闭。</translation>
    </message>
</context>
<context>
    <name>InvestmentEditor</name>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Add c&amp;ost</source>
        <translation>添加成本(&amp;O)</translation>
    </message>
    <message>
        <source>Dis&amp;count rate for NPV (%)</source>
        <translation>NPV 折现率 (%)(&amp;C)</translation>
    </message>
    <message>
        <source>Amount ({currency})</source>
        <translation>金额（{currency}）</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>Checked: a yearly cost, billed in advance. Unchecked: paid once, at signing.</source>
        <translation>勾选：每年的成本，预先计费。不勾选：签约时一次性支付。</translation>
    </message>
    <message>
        <source>Remove this cost</source>
        <translation>删除此项成本</translation>
    </message>
    <message>
        <source>Remove cost</source>
        <translation>删除成本</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>The new language is used the next time QBR Desktop starts.</source>
        <translation>新语言将在下次启动 QBR Desktop 时生效。</translation>
    </message>
    <message>
        <source>Window language:</source>
        <translation>界面语言：</translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <source>What the customer gained, in their words</source>
        <translation>客户获得了什么，用客户自己的话说</translation>
    </message>
    <message>
        <source>High — measured</source>
        <translation>高 — 已实测</translation>
    </message>
    <message>
        <source>Medium — agreed estimate</source>
        <translation>中 — 双方认可的估算</translation>
    </message>
    <message>
        <source>Low — our estimate</source>
        <translation>低 — 我方估算</translation>
    </message>
    <message>
        <source>What changed for the customer</source>
        <translation>客户那边发生了什么变化</translation>
    </message>
    <message>
        <source>Where the numbers come from</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>类别(&amp;G)</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>Period (days)</source>
        <translation>周期（天）</translation>
    </message>
    <message>
        <source>Business weight</source>
        <translation>业务权重</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Conservative ×</source>
        <translation>保守 ×</translation>
    </message>
    <message>
        <source>Expected ×</source>
        <translation>预期 ×</translation>
    </message>
    <message>
        <source>Optimistic ×</source>
        <translation>乐观 ×</translation>
    </message>
    <message>
        <source>{caption} ({unit})</source>
        <translation>{caption}（{unit}）</translation>
    </message>
    <message>
        <source>Leave all three empty to use ±{plain_number}% from the confidence.</source>
        <translation>三项都留空则按可信度使用 ±{plain_number}%。</translation>
    </message>
</context>
<context>
    <name>LinesTable</name>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening your portfolio…</source>
        <translation>正在打开你的组合…</translation>
    </message>
    <message>
        <source>Select an account on the left, or press Ctrl+N to add one.</source>
        <translation>在左侧选择一个账户，或按 Ctrl+N 添加账户。</translation>
    </message>
    <message>
        <source>Demo portfolio: fictional accounts to explore. Changes stay in the demo file. File › New Portfolio… starts your own.</source>
        <translation>演示组合：用于体验的虚构账户。更改只保存在演示文件中。“文件 › 新建组合…”可创建你自己的组合。</translation>
    </message>
    <message>
        <source>Portfolio: {describe}</source>
        <translation>组合：{describe}</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Portfolio overview</source>
        <translation>组合概览</translation>
    </message>
    <message>
        <source>QBR programme</source>
        <translation>QBR 项目</translation>
    </message>
    <message>
        <source>Upcoming QBRs</source>
        <translation>即将进行的 QBR</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详细信息(&amp;D)</translation>
    </message>
    <message>
        <source> — DEMO (sample data)</source>
        <translation> — 演示（示例数据）</translation>
    </message>
    <message>
        <source>Not saved: {exc}</source>
        <translation>未保存：{exc}</translation>
    </message>
    <message>
        <source>Saved at {astimezone:%H:%M:%S}</source>
        <translation>已于 {astimezone:%H:%M:%S} 保存</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <source>Delete “{shown}” with its contacts, reviews and metric history?

You can undo this with Ctrl+Z.</source>
        <translation>删除“{shown}”及其联系人、回顾和指标历史？

可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Deleted “{shown}”. Ctrl+Z brings it back.</source>
        <translation>已删除“{shown}”。按 Ctrl+Z 可恢复。</translation>
    </message>
</context>
<context>
    <name>MapEditor</name>
    <message>
        <source>Could not {lower}{value}: {exc}</source>
        <translation>无法{lower}{value}：{exc}</translation>
    </message>
    <message>
        <source>Move %n card</source>
        <translation>移动 %n 张卡片</translation>
    </message>
    <message>
        <source>Move %n cards</source>
        <translation>移动 %n 张卡片</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Stakeholder map</source>
        <translation>利益相关方地图</translation>
    </message>
</context>
<context>
    <name>MappingForm</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Where the columns come from</source>
        <translation>列的来源</translation>
    </message>
    <message>
        <source>&amp;Guess the columns again</source>
        <translation>重新推测列(&amp;G)</translation>
    </message>
    <message>
        <source>Choose the columns from the headers, instead of the ones remembered for this layout</source>
        <translation>根据表头选择列，而不使用为此布局记住的列</translation>
    </message>
    <message>
        <source>Column for {label}</source>
        <translation>{label} 对应的列</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>时间(&amp;T)：</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>时区(&amp;Z)：</translation>
    </message>
    <message>
        <source>For this tier ({tier})</source>
        <translation>按此层级（{tier}）</translation>
    </message>
    <message>
        <source>For this tier</source>
        <translation>按此层级</translation>
    </message>
    <message>
        <source>&amp;Playbook:</source>
        <translation>行动手册(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>MeetingPanel</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start the meeting&apos;s clock</source>
        <translation>启动会议计时</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause or resume (Space)</source>
        <translation>暂停或继续（空格键）</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一段</translation>
    </message>
    <message>
        <source>Previous section (←)</source>
        <translation>上一段 (←)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一段 ▶</translation>
    </message>
    <message>
        <source>Next section (→)</source>
        <translation>下一段 (→)</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1 分钟</translation>
    </message>
    <message>
        <source>A minute more for this section (+)</source>
        <translation>本段再加一分钟 (+)</translation>
    </message>
    <message>
        <source>+5 min</source>
        <translation>+5 分钟</translation>
    </message>
    <message>
        <source>Five minutes more (Shift and +)</source>
        <translation>再加五分钟（Shift 和 +）</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Close the meeting and record its times</source>
        <translation>结束会议并记录用时</translation>
    </message>
    <message>
        <source>The screen the room sees</source>
        <translation>会议室看到的屏幕</translation>
    </message>
    <message>
        <source>Presenter view</source>
        <translation>演示者视图</translation>
    </message>
    <message>
        <source>Full screen on the chosen screen</source>
        <translation>在所选屏幕上全屏显示</translation>
    </message>
    <message>
        <source>Chime</source>
        <translation>提示音</translation>
    </message>
    <message>
        <source>A soft sound two minutes before a section ends, and at its end</source>
        <translation>每段结束前两分钟和结束时发出轻柔的提示音</translation>
    </message>
    <message>
        <source>Meeting closed</source>
        <translation>会议已结束</translation>
    </message>
    <message>
        <source>No sections</source>
        <translation>没有议程段落</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Took {meeting_elapsed} of the {slot}-minute slot</source>
        <translation>用时 {meeting_elapsed}，时段为 {slot} 分钟</translation>
    </message>
    <message>
        <source>Meeting: {meeting_remaining} left of {slot} min</source>
        <translation>会议：剩余 {meeting_remaining}，共 {slot} 分钟</translation>
    </message>
    <message>
        <source>Next: {title} ({suggested})</source>
        <translation>下一段：{title}（{suggested}）</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>NotesEditor</name>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>What was said, decided or asked in this section</source>
        <translation>本段中说过、决定或提出的内容</translation>
    </message>
    <message>
        <source>Notes: {title}</source>
        <translation>笔记：{title}</translation>
    </message>
</context>
<context>
    <name>OwnedModulesDialog</name>
    <message>
        <source>Modules and plan owned</source>
        <translation>已拥有的模块和套餐</translation>
    </message>
    <message>
        <source>What {account_name} already owns:</source>
        <translation>{account_name} 已拥有：</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Title, e.g. VP Customer Operations</source>
        <translation>职位，例如 客户运营副总裁</translation>
    </message>
    <message>
        <source>name@company.com</source>
        <translation>name@company.com</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>1 = no say … 5 = decides</source>
        <translation>1 = 没有话语权 … 5 = 决策者</translation>
    </message>
    <message>
        <source>{value} {word}</source>
        <translation>{value} {word}</translation>
    </message>
    <message>
        <source>How well we know them: 1 barely … 5 trusted</source>
        <translation>我们对其了解程度：1 几乎不了解 … 5 充分信任</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Record a contact today</source>
        <translation>记录今天的一次联系</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>汇报对象</translation>
    </message>
    <message>
        <source>Who on our side</source>
        <translation>我方对接人</translation>
    </message>
    <message>
        <source>What they want to achieve</source>
        <translation>他们想实现什么</translation>
    </message>
    <message>
        <source>What worries them</source>
        <translation>他们担心什么</translation>
    </message>
    <message>
        <source>Anything else</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Has left the company</source>
        <translation>已离职</translation>
    </message>
    <message>
        <source>Has left the company or the role: kept on the map, greyed</source>
        <translation>已离开公司或该职位：保留在地图上，显示为灰色</translation>
    </message>
    <message>
        <source>Pre-aligned for the QBR</source>
        <translation>已为 QBR 提前对齐</translation>
    </message>
    <message>
        <source>Walked through the QBR beforehand</source>
        <translation>事先沟通过 QBR 内容</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>T&amp;itle</source>
        <translation>职位(&amp;I)</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>角色(&amp;O)</translation>
    </message>
    <message>
        <source>Infl&amp;uence</source>
        <translation>影响力(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Sentiment</source>
        <translation>态度(&amp;S)</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>&amp;Reports to</source>
        <translation>汇报对象(&amp;R)</translation>
    </message>
    <message>
        <source>Our owner</source>
        <translation>我方负责人</translation>
    </message>
    <message>
        <source>Owner&apos;s name</source>
        <translation>负责人姓名</translation>
    </message>
    <message>
        <source>Priorities</source>
        <translation>优先事项</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>顾虑</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>{selected} people selected: drag one to move them together, or press Delete.</source>
        <translation>已选择 {selected} 人：拖动其中一人可一起移动，或按 Delete 删除。</translation>
    </message>
    <message>
        <source>Select a person on the map to see and edit them here, or use Add person (Ins).</source>
        <translation>在地图上选择一个人即可在此查看和编辑，或使用“添加人员”(Ins)。</translation>
    </message>
    <message>
        <source>— nobody —</source>
        <translation>— 无 —</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>Choose an account to see its QBR preparation.</source>
        <translation>选择一个账户查看其 QBR 准备情况。</translation>
    </message>
    <message>
        <source>&amp;Schedule QBR…</source>
        <translation>安排 QBR(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Move meeting…</source>
        <translation>改期会议(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Add task…</source>
        <translation>添加任务(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove task</source>
        <translation>删除任务(&amp;R)</translation>
    </message>
    <message>
        <source>▲ Up</source>
        <translation>▲ 上移</translation>
    </message>
    <message>
        <source>▼ Down</source>
        <translation>▼ 下移</translation>
    </message>
    <message>
        <source>Move the task up (Ctrl+Up)</source>
        <translation>将任务上移 (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Move the task down (Ctrl+Down)</source>
        <translation>将任务下移 (Ctrl+Down)</translation>
    </message>
    <message>
        <source>&amp;Executives confirmed</source>
        <translation>高管已确认(&amp;E)</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>时间线(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>列表(&amp;L)</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>视图：</translation>
    </message>
    <message>
        <source>Loading the QBR plan…</source>
        <translation>正在加载 QBR 计划…</translation>
    </message>
    <message>
        <source>reading the account&apos;s preparation plan</source>
        <translation>读取账户的准备计划</translation>
    </message>
    <message>
        <source>Could not load the QBR plan: {message}</source>
        <translation>无法加载 QBR 计划：{message}</translation>
    </message>
    <message>
        <source>{account_name} · {tier} · playbook {value} · {value2}</source>
        <translation>{account_name} · {tier} · 行动手册 {value} · {value2}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{done_count} of {count} done</source>
        <translation>已完成 {done_count} / {count}</translation>
    </message>
    <message>
        <source>⚠ Behind schedule: %n overdue task</source>
        <translation>⚠ 进度落后：%n 项任务逾期</translation>
    </message>
    <message>
        <source>⚠ Behind schedule: %n overdue tasks</source>
        <translation>⚠ 进度落后：%n 项任务逾期</translation>
    </message>
    <message>
        <source>✓ Every task is done.</source>
        <translation>✓ 所有任务均已完成。</translation>
    </message>
    <message>
        <source>On schedule.</source>
        <translation>进度正常。</translation>
    </message>
    <message>
        <source>Prep scorecard: {passed} of {count} pass
</source>
        <translation>准备记分卡：{count} 项中 {passed} 项通过
</translation>
    </message>
    <message>
        <source>Schedule QBR</source>
        <translation>安排 QBR</translation>
    </message>
    <message>
        <source>Move meeting</source>
        <translation>改期会议</translation>
    </message>
    <message>
        <source>Remove task</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <source>Remove “{shown}” from the plan?</source>
        <translation>从计划中删除“{shown}”？</translation>
    </message>
</context>
<context>
    <name>PlanTaskModel</name>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>ddd yyyy-MM-dd</source>
        <translation>ddd yyyy-MM-dd</translation>
    </message>
    <message>
        <source> · overdue</source>
        <translation> · 已逾期</translation>
    </message>
</context>
<context>
    <name>PortfolioTableModel</name>
    <message>
        <source>Health in {latest_quarter}, from {confidence:.0%} of the weighted data</source>
        <translation>{latest_quarter} 的健康评分，基于 {confidence:.0%} 的加权数据</translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message>
        <source>Filter by name, industry or tier</source>
        <translation>按名称、行业或层级筛选</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Calculating health across the portfolio…</source>
        <translation>正在计算整个组合的健康评分…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>reading the portfolio</source>
        <translation>读取组合</translation>
    </message>
    <message>
        <source>calculating the portfolio overview</source>
        <translation>计算组合概览</translation>
    </message>
    <message>
        <source>Could not calculate the overview: {message}</source>
        <translation>无法计算概览：{message}</translation>
    </message>
    <message>
        <source>{total} accounts</source>
        <translation>{total} 个账户</translation>
    </message>
    <message>
        <source>{at_risk_count} at risk</source>
        <translation>{at_risk_count} 个有风险</translation>
    </message>
    <message>
        <source>{expansion_ready_count} ready to expand</source>
        <translation>{expansion_ready_count} 个可扩展</translation>
    </message>
    <message>
        <source>calculating health for {pending}…</source>
        <translation>正在计算 {pending} 的健康评分…</translation>
    </message>
    <message>
        <source>showing {shown}</source>
        <translation>显示 {shown} 个</translation>
    </message>
    <message>
        <source> · as of {isoformat}</source>
        <translation> · 截至 {isoformat}</translation>
    </message>
</context>
<context>
    <name>PortfolioWindows</name>
    <message>
        <source>Opening {portfolio}…</source>
        <translation>正在打开 {portfolio}…</translation>
    </message>
    <message>
        <source>opening the portfolio</source>
        <translation>打开组合</translation>
    </message>
    <message>
        <source>{damaged}

Restore that backup now? The damaged file is kept beside it, renamed, so nothing is thrown away.</source>
        <translation>{damaged}

现在恢复该备份吗？损坏的文件会改名后保留在旁边，不会丢弃任何内容。</translation>
    </message>
    <message>
        <source>Portfolio damaged</source>
        <translation>组合文件已损坏</translation>
    </message>
    <message>
        <source>The damaged file was kept as {kept}.</source>
        <translation>损坏的文件已保留为 {kept}。</translation>
    </message>
</context>
<context>
    <name>PrepareDataDialog</name>
    <message>
        <source>preparing QBR data</source>
        <translation>准备 QBR 数据</translation>
    </message>
    <message>
        <source>Prepare QBR data</source>
        <translation>准备 QBR 数据</translation>
    </message>
    <message>
        <source>Drop the exports for this QBR here, several at once: accounts from your CRM, contacts, usage from your analytics or customer-success tool. Nothing is saved until you import them all.</source>
        <translation>把这次 QBR 用到的导出文件拖到这里，可一次拖入多个：CRM 中的账户、联系人，分析工具或客户成功工具中的使用数据。全部导入之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>What it would bring</source>
        <translation>将带来什么</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>Columns of the selected file</source>
        <translation>所选文件的列</translation>
    </message>
    <message>
        <source>The deck after this import</source>
        <translation>导入后的演示文稿</translation>
    </message>
    <message>
        <source>Account whose deck to check</source>
        <translation>要检查其演示文稿的账户</translation>
    </message>
    <message>
        <source>&amp;Deck for:</source>
        <translation>演示文稿所属账户(&amp;D)：</translation>
    </message>
    <message>
        <source>Slides the deck would have</source>
        <translation>演示文稿将包含的幻灯片</translation>
    </message>
    <message>
        <source>Still missing, and where to fill it in:</source>
        <translation>仍然缺少的内容及填写位置：</translation>
    </message>
    <message>
        <source>What the deck would still lack</source>
        <translation>演示文稿仍缺少的内容</translation>
    </message>
    <message>
        <source>Decide from the files</source>
        <translation>根据文件判断</translation>
    </message>
    <message>
        <source>D&amp;ates like 05/06/2026:</source>
        <translation>日期格式，如 05/06/2026(&amp;A)：</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>导入摘要</translation>
    </message>
    <message>
        <source>&amp;Import all</source>
        <translation>全部导入(&amp;I)</translation>
    </message>
    <message>
        <source>Choose the exports to import</source>
        <translation>选择要导入的导出文件</translation>
    </message>
    <message>
        <source>Reading %n file…</source>
        <translation>正在读取 %n 个文件…</translation>
    </message>
    <message>
        <source>Reading %n files…</source>
        <translation>正在读取 %n 个文件…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Checking the files and the deck…</source>
        <translation>正在检查文件和演示文稿…</translation>
    </message>
    <message>
        <source>Imported: {files}.</source>
        <translation>已导入：{files}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{file}: {summary}</source>
        <translation>{file}：{summary}</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message>
        <source>What {name} holds</source>
        <translation>{name} 包含的内容</translation>
    </message>
    <message>
        <source>Select a file to see its columns.</source>
        <translation>选择一个文件查看其列。</translation>
    </message>
    <message>
        <source>Columns of {name}</source>
        <translation>{name} 的列</translation>
    </message>
    <message>
        <source> Read as periods, no choice needed: {periods}, rolled up to quarters.</source>
        <translation> 按时间段读取，无需选择：{periods}，汇总到季度。</translation>
    </message>
    <message>
        <source>Drop files here, or add them, to see what they hold.</source>
        <translation>把文件拖到这里或添加文件，即可查看其中内容。</translation>
    </message>
    <message>
        <source>Before importing: </source>
        <translation>导入之前：</translation>
    </message>
    <message>
        <source>The files hold nothing new for the portfolio.</source>
        <translation>这些文件中没有组合需要的新内容。</translation>
    </message>
    <message>
        <source>Ready: %n file, imported together or not at all.</source>
        <translation>就绪：%n 个文件，要么一起导入，要么都不导入。</translation>
    </message>
    <message>
        <source>Ready: %n files, imported together or not at all.</source>
        <translation>就绪：%n 个文件，要么一起导入，要么都不导入。</translation>
    </message>
    <message>
        <source>Once the files name an account, its deck is checked here.</source>
        <translation>文件中一旦出现账户名称，就会在这里检查其演示文稿。</translation>
    </message>
    <message>
        <source>%n slide: {slides}.</source>
        <translation>%n 张幻灯片：{slides}。</translation>
    </message>
    <message>
        <source>%n slides: {slides}.</source>
        <translation>%n 张幻灯片：{slides}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Nothing: every slide has what it needs.</source>
        <translation>没有：每张幻灯片都已具备所需内容。</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <source>QBR meeting — presenter view</source>
        <translation>QBR 会议 — 演示者视图</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Imported as {field}</source>
        <translation>导入为{field}</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>{action}: {changes}</source>
        <translation>{action}：{changes}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>ProgrammeModel</name>
    <message>
        <source>
Click to see the reviews behind it.</source>
        <translation>
点击查看其背后的回顾。</translation>
    </message>
    <message>
        <source>{capitalize} metric</source>
        <translation>{capitalize} 指标</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>ProgrammeView</name>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>CSM</source>
        <translation>CSM</translation>
    </message>
    <message>
        <source>Export {name}…</source>
        <translation>导出 {name}…</translation>
    </message>
    <message>
        <source>Click a figure to see the reviews behind it.</source>
        <translation>点击一个数字查看其背后的回顾。</translation>
    </message>
    <message>
        <source>Reviews behind the figure</source>
        <translation>数字背后的回顾</translation>
    </message>
    <message>
        <source>Cadence compliance by tier</source>
        <translation>各层级的节奏达标率</translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation>季度(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;CSM:</source>
        <translation>CSM(&amp;C)：</translation>
    </message>
    <message>
        <source>Waiting for my review</source>
        <translation>等待我审阅</translation>
    </message>
    <message>
        <source>Reviews behind a figure</source>
        <translation>数字背后的回顾</translation>
    </message>
    <message>
        <source>Cadence compliance: accounts due a review that held one</source>
        <translation>节奏达标：应回顾的账户中已举行回顾的比例</translation>
    </message>
    <message>
        <source> (this quarter)</source>
        <translation>（本季度）</translation>
    </message>
    <message>
        <source>Computing the programme for {quarter}…</source>
        <translation>正在计算 {quarter} 的项目数据…</translation>
    </message>
    <message>
        <source>computing the QBR programme</source>
        <translation>计算 QBR 项目数据</translation>
    </message>
    <message>
        <source>{owner}&apos;s accounts</source>
        <translation>{owner} 的账户</translation>
    </message>
    <message>
        <source>all accounts</source>
        <translation>所有账户</translation>
    </message>
    <message>
        <source>{count} reviews held in {quarter} ({whose}), as of {isoformat}. Figures from fewer than 3 reviews say “not enough data”.</source>
        <translation>{quarter} 共举行 {count} 次回顾（{whose}），截至 {isoformat}。少于 3 次回顾得出的数字显示为“数据不足”。</translation>
    </message>
    <message>
        <source>Maturity: {label} (from {maturity_reviews} reviews over four quarters)</source>
        <translation>成熟度：{label}（基于四个季度的 {maturity_reviews} 次回顾）</translation>
    </message>
    <message>
        <source>Waiting for my review ({count})</source>
        <translation>等待我审阅（{count}）</translation>
    </message>
    <message>
        <source>QBR programme {quarter}.{suffix}</source>
        <translation>QBR 项目 {quarter}.{suffix}</translation>
    </message>
    <message>
        <source>Export the programme view</source>
        <translation>导出项目视图</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <source>exporting the programme view</source>
        <translation>导出项目视图</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Not exported: {message}</source>
        <translation>未导出：{message}</translation>
    </message>
</context>
<context>
    <name>QuarterValueTable</name>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Risk-adjusted</source>
        <translation>风险调整后</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Cash position</source>
        <translation>现金状况</translation>
    </message>
</context>
<context>
    <name>QuickAction</name>
    <message>
        <source>New action item, then Enter</source>
        <translation>新的行动项，然后按 Enter</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>我方</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>客户方</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Type what was agreed first</source>
        <translation>请先输入约定的内容</translation>
    </message>
</context>
<context>
    <name>RecapEditor</name>
    <message>
        <source>Summary for the attendees</source>
        <translation>给参会者的摘要</translation>
    </message>
    <message>
        <source>Optional: a few sentences for everyone who attended</source>
        <translation>可选：给所有参会者的几句话</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>One decision a line</source>
        <translation>每行一项决定</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>摘要：</translation>
    </message>
    <message>
        <source>Decisions:</source>
        <translation>决定：</translation>
    </message>
    <message>
        <source>Could not read the recap: {exc}</source>
        <translation>无法读取回顾摘要：{exc}</translation>
    </message>
    <message>
        <source>For the follow-up email about the QBR {words}. The attendees read this; your meeting notes stay with you.</source>
        <translation>用于 QBR {words}的跟进邮件。参会者会读到这部分；你的会议笔记只留给你自己。</translation>
    </message>
    <message>
        <source>The follow-up email is written after a QBR has taken place.</source>
        <translation>跟进邮件在 QBR 举行之后撰写。</translation>
    </message>
    <message>
        <source>Not saved yet…</source>
        <translation>尚未保存…</translation>
    </message>
    <message>
        <source>Not saved: {exc}</source>
        <translation>未保存：{exc}</translation>
    </message>
    <message>
        <source>Saved, with a colleague&apos;s changes made meanwhile.</source>
        <translation>已保存，并合并了同事在此期间的更改。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>RelationLine</name>
    <message>
        <source>{source} influences {target}</source>
        <translation>{source} 影响 {target}</translation>
    </message>
    <message>
        <source>{source} reports to {target}</source>
        <translation>{source} 汇报给 {target}</translation>
    </message>
</context>
<context>
    <name>ReviewCardView</name>
    <message>
        <source>Customer preparation</source>
        <translation>客户准备情况</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>参与度</translation>
    </message>
    <message>
        <source>The customer answered the follow-up</source>
        <translation>客户已回复跟进邮件</translation>
    </message>
    <message>
        <source>Tick it the day they answer: the day is recorded</source>
        <translation>在客户回复的当天勾选：会记录日期</translation>
    </message>
    <message>
        <source>Post-QBR survey score</source>
        <translation>QBR 后调查得分</translation>
    </message>
    <message>
        <source>— no answer</source>
        <translation>— 未回答</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Health of this review</source>
        <translation>本次回顾的健康度</translation>
    </message>
    <message>
        <source>What you saw</source>
        <translation>你观察到的情况</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Post-QBR survey (0–10)</source>
        <translation>QBR 后调查 (0–10)</translation>
    </message>
    <message>
        <source>No QBR has taken place yet: the card is for after the meeting.</source>
        <translation>尚未举行过 QBR：此卡片用于会后填写。</translation>
    </message>
    <message>
        <source>{account_name} — QBR held on {isoformat}</source>
        <translation>{account_name} — QBR 举行于 {isoformat}</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>Recorded by {value} on {recorded_at:%Y-%m-%d %H:%M} UTC</source>
        <translation>由 {value} 记录于 {recorded_at:%Y-%m-%d %H:%M} UTC</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>尚无记录。</translation>
    </message>
    <message>
        <source>Time: {value:.0f} of {slot_minutes} minutes ({value2:+.0f} against the plan)</source>
        <translation>用时：{value:.0f} / {slot_minutes} 分钟（与计划相比 {value2:+.0f}）</translation>
    </message>
    <message>
        <source>Time: the meeting was not timed to its end</source>
        <translation>用时：会议未计时到结束</translation>
    </message>
    <message>
        <source>Expansion opportunities logged in the week after: {opportunities}</source>
        <translation>会后一周内记录的扩展机遇：{opportunities}</translation>
    </message>
    <message>
        <source>New stakeholders: </source>
        <translation>新的利益相关方：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Health 30 days after: </source>
        <translation>30 天后的健康评分：</translation>
    </message>
    <message>
        <source>{change:+.1f} points</source>
        <translation>{change:+.1f} 分</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>尚不可知</translation>
    </message>
    <message>
        <source>Not saved: {exc}</source>
        <translation>未保存：{exc}</translation>
    </message>
</context>
<context>
    <name>RiskChoices</name>
    <message>
        <source>Risks on the slide</source>
        <translation>幻灯片上的风险</translation>
    </message>
    <message>
        <source>Tick what the customer may see on the risks slide. Nothing from the register is on the slide until you tick it.</source>
        <translation>勾选客户可以在风险幻灯片上看到的内容。登记册中的条目在你勾选前都不会出现在幻灯片上。</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>机遇</translation>
    </message>
    <message>
        <source> (suggested)</source>
        <translation>（建议）</translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <source>Add a risk or opportunity</source>
        <translation>添加风险或机遇</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>机遇</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Detail:</source>
        <translation>详情(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Likelihood (1–5):</source>
        <translation>可能性 (1–5)(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Impact (1–5):</source>
        <translation>影响 (1–5)(&amp;I)：</translation>
    </message>
    <message>
        <source>Quadrant:</source>
        <translation>象限：</translation>
    </message>
</context>
<context>
    <name>RiskMatrix</name>
    <message>
        <source>High impact ↑</source>
        <translation>高影响 ↑</translation>
    </message>
    <message>
        <source>Low likelihood ←   → High likelihood</source>
        <translation>低可能性 ←   → 高可能性</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add s&amp;uggestions…</source>
        <translation>添加建议(&amp;U)…</translation>
    </message>
    <message>
        <source>Mark &amp;closed</source>
        <translation>标记为已关闭(&amp;C)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
</context>
<context>
    <name>RoiForm</name>
    <message>
        <source>&amp;Save ROI</source>
        <translation>保存 ROI(&amp;S)</translation>
    </message>
    <message>
        <source>Store this quarter&apos;s model and story (Ctrl+S)</source>
        <translation>保存本季度的模型和价值故事 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Go back to the stored model and story</source>
        <translation>回到已保存的模型和价值故事</translation>
    </message>
    <message>
        <source>&amp;Quarter</source>
        <translation>季度(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>添加条目(&amp;A)</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除条目</translation>
    </message>
    <message>
        <source>Value lines</source>
        <translation>价值条目</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>投资</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Value by quarter, next three years</source>
        <translation>未来三年各季度的价值</translation>
    </message>
    <message>
        <source>Value story</source>
        <translation>价值故事</translation>
    </message>
    <message>
        <source>Expansion opportunities</source>
        <translation>扩展机遇</translation>
    </message>
    <message>
        <source>Past quarters</source>
        <translation>过去的季度</translation>
    </message>
</context>
<context>
    <name>RoiPanel</name>
    <message>
        <source>Expansion returns are not available: {exc}</source>
        <translation>无法获得扩展回报：{exc}</translation>
    </message>
    <message>
        <source>Could not load the ROI model: {exc}</source>
        <translation>无法加载 ROI 模型：{exc}</translation>
    </message>
    <message>
        <source> (not saved)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <source> (unsaved changes)</source>
        <translation>（有未保存的更改）</translation>
    </message>
    <message>
        <source>%n field needs fixing (marked below); the figures leave out the changes until then.</source>
        <translation>%n 个字段需要修正（已在下方标出）；修正前，数字不包含这些更改。</translation>
    </message>
    <message>
        <source>%n fields need fixing (marked below); the figures leave out the changes until then.</source>
        <translation>%n 个字段需要修正（已在下方标出）；修正前，数字不包含这些更改。</translation>
    </message>
    <message>
        <source>● Unsaved changes</source>
        <translation>● 有未保存的更改</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Not saved yet: starts from {carried_from}&apos;s model</source>
        <translation>尚未保存：以 {carried_from} 的模型为起点</translation>
    </message>
    <message>
        <source>Not saved yet: starts from the account&apos;s subscription</source>
        <translation>尚未保存：以该账户的订阅为起点</translation>
    </message>
    <message>
        <source>Not saved: fix the %n marked field first</source>
        <translation>未保存：请先修正 %n 个标出的字段</translation>
    </message>
    <message>
        <source>Not saved: fix the %n marked fields first</source>
        <translation>未保存：请先修正 %n 个标出的字段</translation>
    </message>
    <message>
        <source>Reloaded: your colleague&apos;s newer change is shown.</source>
        <translation>已重新载入：显示的是同事较新的更改。</translation>
    </message>
    <message>
        <source>Not saved: </source>
        <translation>未保存：</translation>
    </message>
    <message>
        <source>Not saved: {exc}</source>
        <translation>未保存：{exc}</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
</context>
<context>
    <name>RoiResultsView</name>
    <message>
        <source>Conservative ROI:</source>
        <translation>保守 ROI：</translation>
    </message>
    <message>
        <source>Expected ROI:</source>
        <translation>预期 ROI：</translation>
    </message>
    <message>
        <source>Optimistic ROI:</source>
        <translation>乐观 ROI：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scenarios&lt;/b&gt;</source>
        <translation>&lt;b&gt;情景&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What moves ROI most (±20 %)</source>
        <translation>对 ROI 影响最大的因素 (±20 %)</translation>
    </message>
    <message>
        <source>ROI at −20 %</source>
        <translation>−20 % 时的 ROI</translation>
    </message>
    <message>
        <source>ROI at +20 %</source>
        <translation>+20 % 时的 ROI</translation>
    </message>
    <message>
        <source>{format_figure} ({format_amount} a year)</source>
        <translation>{format_figure}（每年 {format_amount}）</translation>
    </message>
</context>
<context>
    <name>RoomView</name>
    <message>
        <source>Starting soon</source>
        <translation>即将开始</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>谢谢</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Meeting closed</source>
        <translation>会议已结束</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Meeting: {meeting_remaining} left</source>
        <translation>会议：剩余 {meeting_remaining}</translation>
    </message>
    <message>
        <source>Next: {title} · {suggested}</source>
        <translation>下一段：{title} · {suggested}</translation>
    </message>
</context>
<context>
    <name>SectionTimes</name>
    <message>
        <source>Section</source>
        <translation>议程段落</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <source>All accounts</source>
        <translation>所有账户</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有风险</translation>
    </message>
    <message>
        <source>Ready to expand</source>
        <translation>可扩展</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>StakeholderPanel</name>
    <message>
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Add someone to the map (Ins or Ctrl+Shift+N)</source>
        <translation>在地图上添加一个人（Ins 或 Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected people and lines (Del)</source>
        <translation>删除所选的人员和连线 (Del)</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Click, drag and rubber-band select</source>
        <translation>点击、拖动和框选</translation>
    </message>
    <message>
        <source>Draw reports-to</source>
        <translation>绘制汇报关系</translation>
    </message>
    <message>
        <source>Drag from a person to their manager</source>
        <translation>从一个人拖到其上级</translation>
    </message>
    <message>
        <source>Draw influence</source>
        <translation>绘制影响关系</translation>
    </message>
    <message>
        <source>Drag from the person who sways to the one swayed</source>
        <translation>从施加影响的人拖到被影响的人</translation>
    </message>
    <message>
        <source>Org chart</source>
        <translation>组织架构图</translation>
    </message>
    <message>
        <source>Cards where you put them</source>
        <translation>卡片放在你摆放的位置</translation>
    </message>
    <message>
        <source>Power × interest</source>
        <translation>权力 × 关注度</translation>
    </message>
    <message>
        <source>Cards by influence (up) and support (right)</source>
        <translation>卡片按影响力（向上）和支持度（向右）排列</translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <source>Arrange everyone as an org chart</source>
        <translation>将所有人排列为组织架构图</translation>
    </message>
    <message>
        <source>Snap to grid</source>
        <translation>对齐网格</translation>
    </message>
    <message>
        <source>Cards land on a 20-point grid</source>
        <translation>卡片对齐到 20 点网格</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Show the whole map (F)</source>
        <translation>显示整张地图 (F)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in (+ or the wheel)</source>
        <translation>放大（+ 或滚轮）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>缩小 (−)</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Titles instead of names, for sharing outside the team</source>
        <translation>显示职位而非姓名，便于与团队外部分享</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the map as PNG or SVG</source>
        <translation>将地图保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Map tools</source>
        <translation>地图工具</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖情况</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Could not load the stakeholder map: {exc}</source>
        <translation>无法加载利益相关方地图：{exc}</translation>
    </message>
    <message>
        <source>Coverage ({count})</source>
        <translation>覆盖情况（{count}）</translation>
    </message>
    <message>
        <source>New person {number}</source>
        <translation>新人员 {number}</translation>
    </message>
    <message>
        <source>Arrange as an org chart</source>
        <translation>排列为组织架构图</translation>
    </message>
    <message>
        <source>Export the stakeholder map</source>
        <translation>导出利益相关方地图</translation>
    </message>
    <message>
        <source>{name} – stakeholder map.png</source>
        <translation>{name} – 利益相关方地图.png</translation>
    </message>
    <message>
        <source>PNG picture (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <source>{account_name} — stakeholder map</source>
        <translation>{account_name} — 利益相关方地图</translation>
    </message>
    <message>
        <source> (power × interest)</source>
        <translation>（权力 × 关注度）</translation>
    </message>
    <message>
        <source>exporting the map</source>
        <translation>导出地图</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>StartupList</name>
    <message>
        <source>reading the account list</source>
        <translation>读取账户列表</translation>
    </message>
    <message>
        <source>loading the window</source>
        <translation>加载窗口</translation>
    </message>
</context>
<context>
    <name>TaskTable</name>
    <message>
        <source>Preparation tasks</source>
        <translation>准备任务</translation>
    </message>
</context>
<context>
    <name>TierSettingsDialog</name>
    <message>
        <source>Tier settings</source>
        <translation>层级设置</translation>
    </message>
    <message>
        <source>Thresholds compare each account&apos;s ARR in its own currency. An account&apos;s own tier choice always wins.</source>
        <translation>阈值按各账户自身币种的 ARR 比较。账户自己选择的层级始终优先。</translation>
    </message>
    <message>
        <source>{tier} minimum ARR</source>
        <translation>{tier} 最低 ARR</translation>
    </message>
    <message>
        <source>{tier} from</source>
        <translation>{tier} 起</translation>
    </message>
    <message>
        <source>below that</source>
        <translation>低于此值</translation>
    </message>
</context>
<context>
    <name>TimeEntry</name>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>Preparation timeline</source>
        <translation>准备时间线</translation>
    </message>
    <message>
        <source>Up and Down choose a task, Space ticks it off, Left and Right move it by a day (with Shift by a week).</source>
        <translation>上下键选择任务，空格键勾选完成，左右键将其移动一天（按住 Shift 移动一周）。</translation>
    </message>
    <message>
        <source>No plan to show.</source>
        <translation>没有可显示的计划。</translation>
    </message>
    <message>
        <source>The preparation timeline could not be drawn: {exc!r}</source>
        <translation>无法绘制准备时间线：{exc!r}</translation>
    </message>
    <message>
        <source>Done {done_at}</source>
        <translation>已于 {done_at} 完成</translation>
    </message>
    <message>
        <source>ddd dd MMM</source>
        <translation>M月d日 ddd</translation>
    </message>
    <message>
        <source>Due {due} · {owner} · {phase}</source>
        <translation>截止 {due} · {owner} · {phase}</translation>
    </message>
    <message>
        <source>ddd dd MMM yyyy</source>
        <translation>yyyy年M月d日 ddd</translation>
    </message>
    <message>
        <source>Overdue by {days} days</source>
        <translation>已逾期 {days} 天</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Dated by hand: moving the meeting leaves it where it is.</source>
        <translation>手动设定日期：会议改期时它保持不变。</translation>
    </message>
</context>
<context>
    <name>UpcomingModel</name>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source> · changed since</source>
        <translation> · 此后有更改</translation>
    </message>
    <message>
        <source>Not handed over for review</source>
        <translation>未提交审阅</translation>
    </message>
    <message>
        <source>No prep plan</source>
        <translation>无准备计划</translation>
    </message>
    <message>
        <source>Yes · {overdue_tasks} overdue</source>
        <translation>是 · {overdue_tasks} 项逾期</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>UpcomingView</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Look ahead</source>
        <translation>展望范围</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Press Refresh to list the coming reviews.</source>
        <translation>按“刷新”列出即将进行的回顾。</translation>
    </message>
    <message>
        <source>&amp;Look ahead:</source>
        <translation>展望范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Looking for reviews…</source>
        <translation>正在查找回顾…</translation>
    </message>
    <message>
        <source>reading the upcoming reviews</source>
        <translation>读取即将进行的回顾</translation>
    </message>
    <message>
        <source>%n review in the next {days} days</source>
        <translation>未来 {days} 天内有 %n 场回顾</translation>
    </message>
    <message>
        <source>%n reviews in the next {days} days</source>
        <translation>未来 {days} 天内有 %n 场回顾</translation>
    </message>
    <message>
        <source> · {behind} behind schedule</source>
        <translation> · {behind} 个进度落后</translation>
    </message>
    <message>
        <source> · %n account to plan</source>
        <translation> · %n 个账户待计划</translation>
    </message>
    <message>
        <source> · %n accounts to plan</source>
        <translation> · %n 个账户待计划</translation>
    </message>
    <message>
        <source> · %n deck waiting for review</source>
        <translation> · %n 份演示文稿待审阅</translation>
    </message>
    <message>
        <source> · %n decks waiting for review</source>
        <translation> · %n 份演示文稿待审阅</translation>
    </message>
    <message>
        <source>Could not list the coming reviews: {message}</source>
        <translation>无法列出即将进行的回顾：{message}</translation>
    </message>
</context>
<context>
    <name>ValueStoryView</name>
    <message>
        <source>&amp;Regenerate from the numbers</source>
        <translation>根据数字重新生成(&amp;R)</translation>
    </message>
    <message>
        <source>Edit a sentence to put it in your own words; untouched sentences follow the numbers.</source>
        <translation>编辑某句话即可改用你自己的表述；未改动的句子会随数字更新。</translation>
    </message>
    <message>
        <source>No story yet: add a value line.</source>
        <translation>尚无价值故事：请添加一个价值条目。</translation>
    </message>
    <message>
        <source>The story no longer matches the numbers:
</source>
        <translation>价值故事已与数字不符：
</translation>
    </message>
</context>
<context>
    <name>_AddCommand</name>
    <message>
        <source>Add a person</source>
        <translation>添加一个人</translation>
    </message>
</context>
<context>
    <name>_AttendanceCommand</name>
    <message>
        <source>Change attendance of “{name}”</source>
        <translation>更改“{name}”的出席情况</translation>
    </message>
</context>
<context>
    <name>_CreateCommand</name>
    <message>
        <source>Create “{name}”</source>
        <translation>创建“{name}”</translation>
    </message>
</context>
<context>
    <name>_DeleteCommand</name>
    <message>
        <source>Delete “{name}”</source>
        <translation>删除“{name}”</translation>
    </message>
</context>
<context>
    <name>_EditCommand</name>
    <message>
        <source>Edit “{name}”</source>
        <translation>编辑“{name}”</translation>
    </message>
</context>
<context>
    <name>_LinkCommand</name>
    <message>
        <source>Draw an influence line</source>
        <translation>绘制一条影响关系线</translation>
    </message>
</context>
<context>
    <name>_RemoveCommand</name>
    <message>
        <source>{count} person</source>
        <translation>{count} 人</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} 人</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>连线</translation>
    </message>
    <message>
        <source>Remove {what}</source>
        <translation>删除{what}</translation>
    </message>
</context>
<context>
    <name>account_page</name>
    <message>
        <source>Auto (from ARR)</source>
        <translation>自动（按 ARR）</translation>
    </message>
</context>
<context>
    <name>agenda_builder</name>
    <message>
        <source>Forward</source>
        <translation>展望</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>回顾</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>两者都不是</translation>
    </message>
</context>
<context>
    <name>calendar_export</name>
    <message>
        <source>My calendar, tasks as &amp;to-dos…</source>
        <translation>我的日历，任务作为待办事项(&amp;T)…</translation>
    </message>
    <message>
        <source>My calendar, tasks as all-day &amp;events (Google, Outlook)…</source>
        <translation>我的日历，任务作为全天事件（Google、Outlook）(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Invitation for the attendees (the meeting only)…</source>
        <translation>给参会者的邀请（仅会议）(&amp;I)…</translation>
    </message>
    <message>
        <source>Writing the calendar file…</source>
        <translation>正在写入日历文件…</translation>
    </message>
    <message>
        <source>Saved {path}: the meeting and {tasks} tasks as to-dos.</source>
        <translation>已保存 {path}：会议及 {tasks} 项任务（作为待办事项）。</translation>
    </message>
    <message>
        <source>Saved {path}: the meeting and {tasks} tasks as all-day events.</source>
        <translation>已保存 {path}：会议及 {tasks} 项任务（作为全天事件）。</translation>
    </message>
    <message>
        <source>Saved {path}: the meeting only, for the attendees.</source>
        <translation>已保存 {path}：仅会议，供参会者使用。</translation>
    </message>
    <message>
        <source>Import it into the calendar; after changes, export again and the same events update.</source>
        <translation>将其导入日历；有更改后再次导出，同一批事件会随之更新。</translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation>未导出：{reason}</translation>
    </message>
</context>
<context>
    <name>capture_views</name>
    <message>
        <source>now</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>准时</translation>
    </message>
</context>
<context>
    <name>date_entry</name>
    <message>
        <source>Choose from a calendar (Alt+Down)</source>
        <translation>从日历中选择 (Alt+Down)</translation>
    </message>
</context>
<context>
    <name>date_text</name>
    <message>
        <source>“{text}” is not a whole date: type it as {iso} or {local}</source>
        <translation>“{text}”不是完整的日期：请按 {iso} 或 {local} 的格式输入</translation>
    </message>
    <message>
        <source>“{text}” is not a day of the calendar</source>
        <translation>“{text}”不是日历上的日期</translation>
    </message>
    <message>
        <source>Type a date, as {iso} or {local}</source>
        <translation>输入日期，格式为 {iso} 或 {local}</translation>
    </message>
    <message>
        <source>Choose a day from {first} to {last}</source>
        <translation>选择 {first} 至 {last} 之间的日期</translation>
    </message>
    <message>
        <source>“{text}” is not a time of day: type it as {iso} or {local}</source>
        <translation>“{text}”不是时刻：请按 {iso} 或 {local} 的格式输入</translation>
    </message>
    <message>
        <source>Type a time, as {iso} or {local}</source>
        <translation>输入时间，格式为 {iso} 或 {local}</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Metric history</source>
        <translation>指标历史</translation>
    </message>
    <message>
        <source>Spreadsheets and CSV (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>电子表格和 CSV (*.csv *.tsv *.txt *.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>drafts</name>
    <message>
        <source>Unsaved ROI changes for {drafts}</source>
        <translation>{drafts} 有未保存的 ROI 更改</translation>
    </message>
    <message>
        <source>Unsaved ROI changes for {drafts} and {count} more</source>
        <translation>{drafts} 及另外 {count} 个账户有未保存的 ROI 更改</translation>
    </message>
    <message>
        <source>{account} ({fields})</source>
        <translation>{account}（{fields}）</translation>
    </message>
    <message>
        <source>{account}, {quarter} ({fields})</source>
        <translation>{account}，{quarter}（{fields}）</translation>
    </message>
    <message>
        <source>1 field</source>
        <translation>1 个字段</translation>
    </message>
    <message>
        <source>{count} fields</source>
        <translation>{count} 个字段</translation>
    </message>
    <message>
        <source>{fields}, {invalid} not valid: {names}</source>
        <translation>{fields}，其中 {invalid} 个无效：{names}</translation>
    </message>
    <message>
        <source>{unsaved} — kept until you save or discard them there.</source>
        <translation>{unsaved} — 会一直保留，直到你在那里保存或放弃。</translation>
    </message>
    <message>
        <source>Not saved. {unsaved}: open the account to fix the marked fields.</source>
        <translation>未保存。{unsaved}：请打开该账户修正标出的字段。</translation>
    </message>
    <message>
        <source>{unsaved}. Discard them and go back to what is stored?</source>
        <translation>{unsaved}。要放弃这些更改并恢复到已保存的内容吗？</translation>
    </message>
    <message>
        <source>business weight</source>
        <translation>业务权重</translation>
    </message>
    <message>
        <source>conservative multiplier</source>
        <translation>保守系数</translation>
    </message>
    <message>
        <source>expected multiplier</source>
        <translation>预期系数</translation>
    </message>
    <message>
        <source>optimistic multiplier</source>
        <translation>乐观系数</translation>
    </message>
    <message>
        <source>discount rate</source>
        <translation>折现率</translation>
    </message>
    <message>
        <source>cost name</source>
        <translation>成本名称</translation>
    </message>
    <message>
        <source>cost amount</source>
        <translation>成本金额</translation>
    </message>
    <message>
        <source>cost kind</source>
        <translation>成本类型</translation>
    </message>
    <message>
        <source>Value line {number}</source>
        <translation>价值条目 {number}</translation>
    </message>
    <message>
        <source>line</source>
        <translation>条目</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 和 </translation>
    </message>
</context>
<context>
    <name>edit_conflicts</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人更改</translation>
    </message>
    <message>
        <source>Reload theirs</source>
        <translation>重新载入对方的版本</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的版本</translation>
    </message>
</context>
<context>
    <name>follow_up_view</name>
    <message>
        <source>Action</source>
        <translation>行动项</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>归属</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>已放弃</translation>
    </message>
</context>
<context>
    <name>help_dialogs</name>
    <message>
        <source>
&lt;h2&gt;Getting started&lt;/h2&gt;
&lt;p&gt;A quarterly business review goes better when it is prepared in good time and
followed up afterwards. This app walks you through that job, one account at a time.
Everything stays in a portfolio file on this computer and works offline.&lt;/p&gt;

&lt;h3&gt;1. Bring in your accounts&lt;/h3&gt;
&lt;p&gt;Choose &lt;b&gt;File › Import…&lt;/b&gt; (Ctrl+I). Import &lt;i&gt;Accounts&lt;/i&gt; from your CRM export
first, then &lt;i&gt;Contacts&lt;/i&gt;, then the usage figures as &lt;i&gt;Metric history&lt;/i&gt;. A CSV or
Excel file is fine. Check that each column is matched to the right field, look at the
preview, then press Import. Nothing is written until you do, and importing a newer export
later updates the same accounts instead of adding them twice.&lt;/p&gt;

&lt;h3&gt;2. Pick an account&lt;/h3&gt;
&lt;p&gt;The list on the left holds your accounts. Type in the filter box (Ctrl+F) to find one
by name, industry, tier or owner, and click a column heading to sort. The tabs on the
right all show the account you pick. &lt;b&gt;Details&lt;/b&gt; keeps its ARR, renewal date and
notes; a field is saved as soon as you leave it. &lt;b&gt;Health &amp;amp; growth&lt;/b&gt; shows how the
account is doing and where it could grow.&lt;/p&gt;

&lt;h3&gt;3. Schedule the QBR&lt;/h3&gt;
&lt;p&gt;On &lt;b&gt;Prep timeline&lt;/b&gt; (Ctrl+5), press &lt;i&gt;Schedule QBR…&lt;/i&gt; and choose the date. The
app lays out the preparation tasks for the account&apos;s tier, with due dates counted back
from the meeting and holidays skipped. Tick tasks off as you go; the scorecard shows how
ready you are. &lt;b&gt;Upcoming QBRs&lt;/b&gt; (Ctrl+4) lists every review in the coming weeks and the
accounts that are overdue for one.&lt;/p&gt;

&lt;h3&gt;4. Map the people&lt;/h3&gt;
&lt;p&gt;On &lt;b&gt;Stakeholders&lt;/b&gt; (Ctrl+6), add the customer&apos;s people (Ins), drag their cards into
place and draw who reports to whom and who influences whom. The coverage list points out
gaps, such as no executive sponsor, and the attendance list records who is coming to the
QBR.&lt;/p&gt;

&lt;h3&gt;5. Show the value&lt;/h3&gt;
&lt;p&gt;On &lt;b&gt;ROI &amp;amp; value&lt;/b&gt;, add a line for each benefit: revenue gained, costs cut,
risks avoided, quality improved. The app works out the return, the payback and a short
value story you can edit. Press &lt;i&gt;Save ROI&lt;/i&gt; (Ctrl+S) when the figures are right.&lt;/p&gt;

&lt;h3&gt;6. Plan and run the meeting&lt;/h3&gt;
&lt;p&gt;On &lt;b&gt;Meeting&lt;/b&gt; (Ctrl+7), build the agenda from a template. Executives want to talk
about what comes next, so the app shows whether at least 60 % of the time looks ahead
rather than back. During the QBR, start the timer: Space pauses, the arrow keys move
between sections, + adds a minute. The presenter view puts the clock on a second screen.
Note the decisions and action items as you go. Afterwards, the &lt;i&gt;Review card&lt;/i&gt; records
how the customer prepared and took part, when they answered your follow-up and their
survey score; &lt;b&gt;QBR programme&lt;/b&gt; (Ctrl+9) sets every review against the targets.&lt;/p&gt;

&lt;h3&gt;7. Prepare the deck and share it&lt;/h3&gt;
&lt;p&gt;On &lt;b&gt;Deck&lt;/b&gt; (Ctrl+8), tick and order the slides, write the roadmap and next
quarter&apos;s priorities, and choose which risks the customer may see. Read the deck check,
then export the deck, the one-page brief or the handout, or &lt;i&gt;Share by email…&lt;/i&gt; for a
draft with the deck and brief attached. If a file of the same name is already in the
folder, you are asked before it is replaced.&lt;/p&gt;

&lt;h3&gt;8. Follow up&lt;/h3&gt;
&lt;p&gt;After the meeting, the &lt;i&gt;Follow-up&lt;/i&gt; page of the Meeting tab tracks each action
item until it is done, and writes the recap email with the decisions and the actions for
the attendees. Items still open appear on the next QBR&apos;s deck, so nothing is forgotten.&lt;/p&gt;

&lt;h3&gt;Your portfolio&lt;/h3&gt;
&lt;p&gt;The first start opens a demo portfolio of made-up accounts to try things out.
&lt;b&gt;File › New Portfolio…&lt;/b&gt; starts your own, and the app reopens the last portfolio you
used. &lt;b&gt;File › Open Recent&lt;/b&gt; switches between them, and &lt;b&gt;File › Back Up Now…&lt;/b&gt;
writes a checked copy. See &lt;b&gt;Help › Keyboard Shortcuts&lt;/b&gt; for every key.&lt;/p&gt;
</source>
        <translation>
&lt;h2&gt;入门指南&lt;/h2&gt;
&lt;p&gt;季度业务回顾 (QBR) 提前做好准备、会后认真跟进，效果才会更好。本应用一次一个账户，
带你完成这项工作。所有内容都保存在本机的组合文件中，可离线使用。&lt;/p&gt;

&lt;h3&gt;1. 导入你的账户&lt;/h3&gt;
&lt;p&gt;选择&lt;b&gt;文件 › 导入…&lt;/b&gt;(Ctrl+I)。先从 CRM 导出文件导入&lt;i&gt;账户&lt;/i&gt;，再导入&lt;i&gt;联系人&lt;/i&gt;，
然后把使用数据作为&lt;i&gt;指标历史&lt;/i&gt;导入。CSV 或 Excel 文件都可以。检查每一列是否对应到正确的字段，
查看预览，然后按“导入”。在此之前不会写入任何内容；以后导入更新的导出文件时，会更新同一批账户，
而不会重复添加。&lt;/p&gt;

&lt;h3&gt;2. 选择一个账户&lt;/h3&gt;
&lt;p&gt;左侧列表列出你的账户。在筛选框 (Ctrl+F) 中输入名称、行业、层级或负责人即可查找，
点击列标题可排序。右侧的标签页都显示你所选的账户。&lt;b&gt;详细信息&lt;/b&gt;保存 ARR、续约日期和备注；
离开字段时即自动保存。&lt;b&gt;健康与增长&lt;/b&gt;显示账户的状况及其增长空间。&lt;/p&gt;

&lt;h3&gt;3. 安排 QBR&lt;/h3&gt;
&lt;p&gt;在&lt;b&gt;准备时间线&lt;/b&gt;(Ctrl+5) 中按&lt;i&gt;安排 QBR…&lt;/i&gt;并选择日期。应用会按账户层级列出准备任务，
截止日期从会议日期倒推，并跳过节假日。完成一项就勾选一项；记分卡显示你的准备程度。
&lt;b&gt;即将进行的 QBR&lt;/b&gt;(Ctrl+4) 列出未来几周的所有回顾，以及已逾期未回顾的账户。&lt;/p&gt;

&lt;h3&gt;4. 梳理相关人员&lt;/h3&gt;
&lt;p&gt;在&lt;b&gt;利益相关方&lt;/b&gt;(Ctrl+6) 中添加客户的相关人员 (Ins)，把卡片拖到合适位置，
并画出汇报关系和影响关系。覆盖情况列表会指出缺口，例如没有高管赞助人；出席情况列表记录谁会参加 QBR。&lt;/p&gt;

&lt;h3&gt;5. 展示价值&lt;/h3&gt;
&lt;p&gt;在&lt;b&gt;ROI 与价值&lt;/b&gt;中为每项收益添加一个条目：增加的收入、削减的成本、避免的风险、提升的质量。
应用会算出回报、回本期，并生成一段可编辑的简短价值故事。数字无误后按&lt;i&gt;保存 ROI&lt;/i&gt;(Ctrl+S)。&lt;/p&gt;

&lt;h3&gt;6. 规划并主持会议&lt;/h3&gt;
&lt;p&gt;在&lt;b&gt;会议&lt;/b&gt;(Ctrl+7) 中用模板搭建议程。高管更想谈接下来的事，因此应用会显示是否至少有 60 % 的时间
用于展望而非回顾。QBR 进行中请启动计时器：空格键暂停，方向键在各段之间切换，+ 增加一分钟。
演示者视图会把计时器显示在第二块屏幕上。随时记下决定和行动项。会后，&lt;i&gt;回顾卡片&lt;/i&gt;记录客户的准备和参与情况、
何时回复你的跟进邮件以及调查得分；&lt;b&gt;QBR 项目&lt;/b&gt;(Ctrl+9) 把每次回顾与目标进行对比。&lt;/p&gt;

&lt;h3&gt;7. 准备演示文稿并分享&lt;/h3&gt;
&lt;p&gt;在&lt;b&gt;演示文稿&lt;/b&gt;(Ctrl+8) 中勾选并排列幻灯片，填写路线图和下季度的优先事项，
并选择客户可以看到哪些风险。阅读演示文稿检查结果后，导出演示文稿、单页简报或讲义，
或选择&lt;i&gt;通过邮件分享…&lt;/i&gt;生成附有演示文稿和简报的邮件草稿。如果文件夹中已有同名文件，
替换之前会先询问你。&lt;/p&gt;

&lt;h3&gt;8. 跟进&lt;/h3&gt;
&lt;p&gt;会后，“会议”标签页的&lt;i&gt;跟进&lt;/i&gt;页面会跟踪每个行动项直至完成，并为参会者撰写包含决定和行动项的回顾邮件。
仍未完成的事项会出现在下一次 QBR 的演示文稿中，不会被遗忘。&lt;/p&gt;

&lt;h3&gt;你的组合&lt;/h3&gt;
&lt;p&gt;首次启动会打开一个由虚构账户组成的演示组合，供你试用。&lt;b&gt;文件 › 新建组合…&lt;/b&gt;可创建你自己的组合，
应用会重新打开你上次使用的组合。&lt;b&gt;文件 › 最近打开&lt;/b&gt;可在组合之间切换，&lt;b&gt;文件 › 立即备份…&lt;/b&gt;
会写入一份经过检查的副本。所有按键请见&lt;b&gt;帮助 › 键盘快捷键&lt;/b&gt;。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Moving around</source>
        <translation>浏览窗口</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>The next or previous part of the window: the filter box, the account list, the account&apos;s tabs, then the fields of the tab</source>
        <translation>窗口的下一个或上一个区域：筛选框、账户列表、账户的标签页，然后是标签页中的字段</translation>
    </message>
    <message>
        <source>Ctrl+Tab / Ctrl+Shift+Tab</source>
        <translation>Ctrl+Tab / Ctrl+Shift+Tab</translation>
    </message>
    <message>
        <source>The account&apos;s next or previous tab</source>
        <translation>账户的下一个或上一个标签页</translation>
    </message>
    <message>
        <source>Ctrl+PgDown / Ctrl+PgUp</source>
        <translation>Ctrl+PgDown / Ctrl+PgUp</translation>
    </message>
    <message>
        <source>The same, as in other programs</source>
        <translation>同上，与其他程序一致</translation>
    </message>
    <message>
        <source>↑ / ↓ in the account list</source>
        <translation>在账户列表中按 ↑ / ↓</translation>
    </message>
    <message>
        <source>The next or previous account</source>
        <translation>下一个或上一个账户</translation>
    </message>
    <message>
        <source>Enter in the filter box</source>
        <translation>在筛选框中按 Enter</translation>
    </message>
    <message>
        <source>Go to the account list</source>
        <translation>转到账户列表</translation>
    </message>
    <message>
        <source>Alt and the underlined letter</source>
        <translation>Alt 加带下划线的字母</translation>
    </message>
    <message>
        <source>A tab, a button or a field by its name</source>
        <translation>按名称转到标签页、按钮或字段</translation>
    </message>
    <message>
        <source>Prep timeline</source>
        <translation>准备时间线</translation>
    </message>
    <message>
        <source>↑ / ↓, Home / End</source>
        <translation>↑ / ↓、Home / End</translation>
    </message>
    <message>
        <source>Choose a task</source>
        <translation>选择任务</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格键</translation>
    </message>
    <message>
        <source>Mark the task done or not done</source>
        <translation>将任务标记为完成或未完成</translation>
    </message>
    <message>
        <source>Move the due date a day; with Shift, a week</source>
        <translation>将截止日期移动一天；按住 Shift 移动一周</translation>
    </message>
    <message>
        <source>Ctrl+↑ / Ctrl+↓</source>
        <translation>Ctrl+↑ / Ctrl+↓</translation>
    </message>
    <message>
        <source>Move the task up or down the list</source>
        <translation>在列表中上移或下移任务</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Drop a task being dragged where it was</source>
        <translation>将正在拖动的任务放回原处</translation>
    </message>
    <message>
        <source>Stakeholders</source>
        <translation>利益相关方</translation>
    </message>
    <message>
        <source>Ins</source>
        <translation>Ins</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>添加一个人</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>Remove the selected people and lines</source>
        <translation>删除所选的人员和连线</translation>
    </message>
    <message>
        <source>Zoom in, zoom out, back to 100 %</source>
        <translation>放大、缩小、恢复到 100 %</translation>
    </message>
    <message>
        <source>Fit the whole map in view</source>
        <translation>让整张地图适合窗口</translation>
    </message>
    <message>
        <source>Space and drag</source>
        <translation>按住空格键拖动</translation>
    </message>
    <message>
        <source>Move the map around</source>
        <translation>移动地图</translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Y</source>
        <translation>Ctrl+Z / Ctrl+Y</translation>
    </message>
    <message>
        <source>Undo or redo a change to the map</source>
        <translation>撤销或重做对地图的更改</translation>
    </message>
    <message>
        <source>ROI &amp; value</source>
        <translation>ROI 与价值</translation>
    </message>
    <message>
        <source>Save the ROI</source>
        <translation>保存 ROI</translation>
    </message>
    <message>
        <source>Meeting timer</source>
        <translation>会议计时器</translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation>暂停或继续</translation>
    </message>
    <message>
        <source>Next or previous section</source>
        <translation>下一段或上一段</translation>
    </message>
    <message>
        <source>+ / Shift and +</source>
        <translation>+ / Shift 和 +</translation>
    </message>
    <message>
        <source>One or five minutes more for this section</source>
        <translation>本段增加一分钟或五分钟</translation>
    </message>
    <message>
        <source>One minute less</source>
        <translation>减少一分钟</translation>
    </message>
    <message>
        <source>Close the presenter view</source>
        <translation>关闭演示者视图</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Keyboard shortcuts&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;键盘快捷键&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>{plain} menu</source>
        <translation>“{plain}”菜单</translation>
    </message>
</context>
<context>
    <name>investment_editor</name>
    <message>
        <source>Subscription</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Internal cost</source>
        <translation>内部成本</translation>
    </message>
</context>
<context>
    <name>language_notice</name>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>The agenda for {date} was edited, so it stays in {old}; to have it in {new}, choose “Use template” on the Meeting tab (it asks before replacing your edits).</source>
        <translation>{date}的议程已被编辑，因此仍为{old}；如需改为{new}，请在“会议”标签页中选择“使用模板”（替换您的编辑前会先询问）。</translation>
    </message>
    <message>
        <source>Prep tasks renamed by hand keep their names: {count}.</source>
        <translation>手动改过名称的准备任务保留原名称：{count} 项。</translation>
    </message>
</context>
<context>
    <name>line_editor</name>
    <message>
        <source>-100–100; below 0 is an increase</source>
        <translation>-100–100；低于 0 表示增加</translation>
    </message>
    <message>
        <source>below 0 is a cost increase</source>
        <translation>低于 0 表示成本增加</translation>
    </message>
</context>
<context>
    <name>lines_table</name>
    <message>
        <source>Line</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Value a year</source>
        <translation>年度价值</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已实现</translation>
    </message>
    <message>
        <source>Impact / day</source>
        <translation>每日影响</translation>
    </message>
    <message>
        <source>(outcome − baseline) ÷ period days × business weight, in the line&apos;s own unit</source>
        <translation>（结果 − 基线）÷ 周期天数 × 业务权重，使用该条目自身的单位</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>不计入</translation>
    </message>
    <message>
        <source>cost increase of {format_amount}</source>
        <translation>成本增加 {format_amount}</translation>
    </message>
</context>
<context>
    <name>map_view</name>
    <message>
        <source>No one is on this map yet.

Add the people who will be in the room and the ones who decide:
use “Add person” above, or import the account&apos;s contacts (File › Import).</source>
        <translation>这张地图上还没有人。

添加将出席会议的人和做决定的人：
使用上方的“添加人员”，或导入该账户的联系人（文件 › 导入）。</translation>
    </message>
</context>
<context>
    <name>mapping_form</name>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
</context>
<context>
    <name>overwrite_question</name>
    <message>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>“{shown}” is already in {parent}.</source>
        <translation>“{shown}”已存在于 {parent} 中。</translation>
    </message>
    <message>
        <source>Replacing it loses any changes made to it since it was written, in PowerPoint or elsewhere. Keep both saves the new one as “{shown}”.</source>
        <translation>替换会丢失自写入后在 PowerPoint 或其他地方对其所做的任何更改。选择“保留两者”会将新文件另存为“{shown}”。</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep both</source>
        <translation>保留两者(&amp;K)</translation>
    </message>
</context>
<context>
    <name>person_editor</name>
    <message>
        <source>Not saved for {name}: {problem}.</source>
        <translation>{name} 的信息未保存：{problem}。</translation>
    </message>
    <message>
        <source>A person needs a name: “{name}” was kept.</source>
        <translation>每个人都需要姓名：已保留“{name}”。</translation>
    </message>
    <message>
        <source>Where the shared deck and the follow-up email go</source>
        <translation>共享演示文稿和跟进邮件的发送地址</translation>
    </message>
    <message>
        <source>Saved, but the email drafts cannot write this address on their To line (they need plain letters before the @): write to them yourself.</source>
        <translation>已保存，但邮件草稿无法把这个地址写入“收件人”一栏（@ 前需要是普通字母）：请自行发信给对方。</translation>
    </message>
</context>
<context>
    <name>plan_panel</name>
    <message>
        <source>No QBR is planned for this account.

Scheduling one picks the playbook for the account&apos;s tier and creates its preparation tasks (data gathering, content and stakeholders, refinement and logistics, follow-up), each dated back from the meeting in working days. Tick tasks off as you go; move the meeting and the open tasks follow it.</source>
        <translation>此账户尚未计划 QBR。

安排一次 QBR 会按账户层级选择行动手册并生成准备任务（数据收集、内容与利益相关方、完善与后勤、跟进），每项任务都从会议日期按工作日倒推截止日期。完成一项就勾选一项；会议改期时，未完成的任务会随之调整。</translation>
    </message>
    <message>
        <source>✓ Met</source>
        <translation>✓ 达成</translation>
    </message>
    <message>
        <source>✗ Missed</source>
        <translation>✗ 未达成</translation>
    </message>
    <message>
        <source>○ Open</source>
        <translation>○ 进行中</translation>
    </message>
    <message>
        <source>QBR </source>
        <translation>QBR </translation>
    </message>
    <message>
        <source> · this date has passed</source>
        <translation> · 此日期已过</translation>
    </message>
    <message>
        <source>{mark} · {metric}: {detail}</source>
        <translation>{mark} · {metric}：{detail}</translation>
    </message>
</context>
<context>
    <name>portfolio_files</name>
    <message>
        <source>Portfolio database (*.sqlite *.db)</source>
        <translation>组合数据库 (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>Backups of a server database are made on the server.</source>
        <translation>服务器数据库的备份在服务器上进行。</translation>
    </message>
    <message>
        <source>Back up portfolio</source>
        <translation>备份组合</translation>
    </message>
    <message>
        <source>Portfolio database (*.sqlite)</source>
        <translation>组合数据库 (*.sqlite)</translation>
    </message>
    <message>
        <source>Writing backup…</source>
        <translation>正在写入备份…</translation>
    </message>
    <message>
        <source>Backup verified: {written}</source>
        <translation>备份已验证：{written}</translation>
    </message>
    <message>
        <source>writing the backup</source>
        <translation>写入备份</translation>
    </message>
    <message>
        <source>New portfolio</source>
        <translation>新建组合</translation>
    </message>
    <message>
        <source>{path} already exists; use Open Portfolio to open it.</source>
        <translation>{path} 已存在；请用“打开组合”打开它。</translation>
    </message>
    <message>
        <source>Open portfolio</source>
        <translation>打开组合</translation>
    </message>
    <message>
        <source>{name} is the portfolio open in this window.</source>
        <translation>{name} 就是此窗口中打开的组合。</translation>
    </message>
    <message>
        <source>{path} is no longer there; it was taken off the recent list.</source>
        <translation>{path} 已不存在；已将其从最近列表中移除。</translation>
    </message>
    <message>
        <source>No recent portfolios</source>
        <translation>没有最近使用的组合</translation>
    </message>
    <message>
        <source> (not found)</source>
        <translation>（未找到）</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Portfolios</source>
        <translation>清除最近使用的组合(&amp;C)</translation>
    </message>
    <message>
        <source>Forget the portfolios opened before; this one stays</source>
        <translation>忘记之前打开过的组合；保留当前这个</translation>
    </message>
</context>
<context>
    <name>portfolio_model</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康评分</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>续约</translation>
    </message>
    <message>
        <source>Next QBR</source>
        <translation>下次 QBR</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>扩展</translation>
    </message>
    <message>
        <source>Open risks</source>
        <translation>未关闭的风险</translation>
    </message>
    <message>
        <source>calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source> · {confidence:.0%} of data</source>
        <translation> · {confidence:.0%} 的数据</translation>
    </message>
    <message>
        <source>{amount} · {readiness}</source>
        <translation>{amount} · {readiness}</translation>
    </message>
</context>
<context>
    <name>portfolio_opening</name>
    <message>
        <source>Cannot open {path}: its folder cannot be made ({value}).</source>
        <translation>无法打开 {path}：无法创建其所在文件夹（{value}）。</translation>
    </message>
    <message>
        <source>{name} is already open in another {app_name} window (process {pid} on {value}).

Switch to that window, or close it and try again.</source>
        <translation>{name} 已在另一个 {app_name} 窗口中打开（{value} 上的进程 {pid}）。

请切换到该窗口，或将其关闭后重试。</translation>
    </message>
    <message>
        <source>Cannot open {path}: its folder is not writable.</source>
        <translation>无法打开 {path}：其所在文件夹不可写。</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>Portfolio damaged</source>
        <translation>组合文件已损坏</translation>
    </message>
</context>
<context>
    <name>prepare_dialog</name>
    <message>
        <source>Spreadsheets and CSV (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>电子表格和 CSV (*.csv *.tsv *.txt *.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
</context>
<context>
    <name>programme_view</name>
    <message>
        <source>All CSMs</source>
        <translation>所有 CSM</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>举行日期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>计入</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已举行</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>Held early</source>
        <translation>提前举行</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>错过</translation>
    </message>
    <message>
        <source>One-page PDF (*.pdf)</source>
        <translation>单页 PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>recent_portfolios</name>
    <message>
        <source>The portfolio {path} opened last time is no longer there, so it was taken off File › Open Recent.</source>
        <translation>上次打开的组合 {path} 已不存在，因此已将其从“文件 › 最近打开”中移除。</translation>
    </message>
</context>
<context>
    <name>results_view</name>
    <message>
        <source>Value a year</source>
        <translation>年度价值</translation>
    </message>
    <message>
        <source>Weighted by business weight</source>
        <translation>按业务权重加权</translation>
    </message>
    <message>
        <source>Risk-adjusted value</source>
        <translation>风险调整后价值</translation>
    </message>
    <message>
        <source>First-year investment</source>
        <translation>首年投资</translation>
    </message>
    <message>
        <source>Net value, first year</source>
        <translation>首年净价值</translation>
    </message>
    <message>
        <source>ROI, first year</source>
        <translation>首年 ROI</translation>
    </message>
    <message>
        <source>Risk-adjusted ROI</source>
        <translation>风险调整后 ROI</translation>
    </message>
    <message>
        <source>Value ÷ investment</source>
        <translation>价值 ÷ 投资</translation>
    </message>
    <message>
        <source>Payback</source>
        <translation>回本期</translation>
    </message>
    <message>
        <source>NPV over 3 years</source>
        <translation>3 年 NPV</translation>
    </message>
    <message>
        <source>IRR over 3 years</source>
        <translation>3 年 IRR</translation>
    </message>
    <message>
        <source>ROI over 3 years</source>
        <translation>3 年 ROI</translation>
    </message>
    <message>
        <source>Value a year {format_amount}  ·  ROI {format_figure}  ·  payback {format_months}  ·  3-year NPV {npv}</source>
        <translation>年度价值 {format_amount}  ·  ROI {format_figure}  ·  回本期 {format_months}  ·  3 年 NPV {npv}</translation>
    </message>
    <message>
        <source> (a loss)</source>
        <translation>（亏损）</translation>
    </message>
</context>
<context>
    <name>review_card</name>
    <message>
        <source>🟢 Green</source>
        <translation>🟢 绿色</translation>
    </message>
    <message>
        <source>🟡 Yellow</source>
        <translation>🟡 黄色</translation>
    </message>
    <message>
        <source>🔴 Red</source>
        <translation>🔴 红色</translation>
    </message>
    <message>
        <source>— not recorded</source>
        <translation>— 未记录</translation>
    </message>
    <message>
        <source>Questions and updates ready</source>
        <translation>已准备好问题和最新进展</translation>
    </message>
    <message>
        <source>Minimal preparation</source>
        <translation>准备很少</translation>
    </message>
    <message>
        <source>No preparation</source>
        <translation>没有准备</translation>
    </message>
    <message>
        <source>Active discussion</source>
        <translation>积极讨论</translation>
    </message>
    <message>
        <source>Polite listening</source>
        <translation>礼貌地听</translation>
    </message>
    <message>
        <source>Distracted or cut short</source>
        <translation>心不在焉或提前结束</translation>
    </message>
</context>
<context>
    <name>risk_choices</name>
    <message>
        <source>No open risks or opportunities in the register.</source>
        <translation>登记册中没有未关闭的风险或机遇。</translation>
    </message>
</context>
<context>
    <name>risk_matrix</name>
    <message>
        <source>▲ Opportunity</source>
        <translation>▲ 机遇</translation>
    </message>
    <message>
        <source>● Risk</source>
        <translation>● 风险</translation>
    </message>
    <message>
        <source> (closed)</source>
        <translation>（已关闭）</translation>
    </message>
    <message>
        <source>{mark}: {title}{closed}  [L{likelihood} × I{impact}]</source>
        <translation>{mark}：{title}{closed}  [可能性 {likelihood} × 影响 {impact}]</translation>
    </message>
</context>
<context>
    <name>server_offline</name>
    <message>
        <source>Team server unreachable</source>
        <translation>无法连接团队服务器</translation>
    </message>
    <message>
        <source>You can try again, or work in your last local portfolio ({name}) meanwhile.</source>
        <translation>你可以重试，或在此期间使用上次的本地组合（{name}）。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Open last local portfolio</source>
        <translation>打开上次的本地组合</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>side_views</name>
    <message>
        <source>⚠ Risk</source>
        <translation>⚠ 风险</translation>
    </message>
    <message>
        <source>• Warning</source>
        <translation>• 警告</translation>
    </message>
    <message>
        <source>🟢 Green</source>
        <translation>🟢 绿色</translation>
    </message>
    <message>
        <source>🟡 Yellow</source>
        <translation>🟡 黄色</translation>
    </message>
    <message>
        <source>🔴 Red</source>
        <translation>🔴 红色</translation>
    </message>
    <message>
        <source>The deck&apos;s email cannot reach {names}: confirmed, but without a usable email address. Add one on the Person tab.</source>
        <translation>演示文稿邮件无法发送给 {names}：已确认出席，但没有可用的电子邮件地址。请在“人员”标签页中添加。</translation>
    </message>
</context>
<context>
    <name>table_model</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>续约</translation>
    </message>
    <message>
        <source>Next QBR</source>
        <translation>下次 QBR</translation>
    </message>
    <message>
        <source>{tier} (set)</source>
        <translation>{tier}（手动设定）</translation>
    </message>
</context>
<context>
    <name>task_table</name>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
</context>
<context>
    <name>thumbnails</name>
    <message>
        <source> · backup</source>
        <translation> · 备用</translation>
    </message>
    <message>
        <source> · hidden</source>
        <translation> · 已隐藏</translation>
    </message>
    <message>
        <source> · left out</source>
        <translation> · 未包含</translation>
    </message>
</context>
<context>
    <name>timeline_layout</name>
    <message>
        <source>Data gathering</source>
        <translation>数据收集</translation>
    </message>
    <message>
        <source>Content &amp; stakeholders</source>
        <translation>内容与利益相关方</translation>
    </message>
    <message>
        <source>Refinement &amp; logistics</source>
        <translation>完善与后勤</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>{value} · no tasks</source>
        <translation>{value} · 没有任务</translation>
    </message>
    <message>
        <source>{value} · {done} of {count} done</source>
        <translation>{value} · 已完成 {done} / {count}</translation>
    </message>
</context>
<context>
    <name>timeline_paint</name>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Task · {done_count} of {count} done</source>
        <translation>任务 · 已完成 {done_count} / {count}</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>QBR </source>
        <translation>QBR </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>ddd dd MMM</source>
        <translation>M月d日 ddd</translation>
    </message>
    <message>
        <source>Today, {today} →</source>
        <translation>今天，{today} →</translation>
    </message>
    <message>
        <source>← Today, {today}</source>
        <translation>← 今天，{today}</translation>
    </message>
</context>
<context>
    <name>unsaved_work</name>
    <message>
        <source>• and {value} more</source>
        <translation>• 另有 {value} 项</translation>
    </message>
    <message>
        <source>Some of your work is not saved.</source>
        <translation>你的部分工作尚未保存。</translation>
    </message>
    <message>
        <source>This could not be saved, so the window stays open:
{listing}

The tab shows what is wrong. Correct it and try again, or choose Discard.</source>
        <translation>有内容无法保存，因此窗口保持打开：
{listing}

标签页会显示问题所在。请修正后重试，或选择“放弃”。</translation>
    </message>
</context>
<context>
    <name>upcoming_view</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Prep progress</source>
        <translation>准备进度</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>节奏</translation>
    </message>
    <message>
        <source>Deck review</source>
        <translation>演示文稿审阅</translation>
    </message>
    <message>
        <source>Not planned</source>
        <translation>未计划</translation>
    </message>
</context>
<context>
    <name>window_dialogs</name>
    <message>
        <source>Imported: {summary}</source>
        <translation>已导入：{summary}</translation>
    </message>
    <message>
        <source>Imported {count} files</source>
        <translation>已导入 {count} 个文件</translation>
    </message>
    <message>
        <source>About {app_name}</source>
        <translation>关于 {app_name}</translation>
    </message>
    <message>
        <source>{app_name} {version}

Prepare and run Quarterly Business Reviews from a local portfolio that works offline.

Portfolio: {describe}</source>
        <translation>{app_name} {version}

基于本地组合准备和主持季度业务回顾 (QBR)，可离线使用。

组合：{describe}</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>QBR Desktop will be in {language} the next time it starts.</source>
        <translation>QBR Desktop 将在下次启动时使用{language}。</translation>
    </message>
</context>
<context>
    <name>window_menus</name>
    <message>
        <source>&amp;New Account</source>
        <translation>新建账户(&amp;N)</translation>
    </message>
    <message>
        <source>Add an account to the portfolio</source>
        <translation>向组合中添加一个账户</translation>
    </message>
    <message>
        <source>&amp;Delete Account…</source>
        <translation>删除账户(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected account (undoable)</source>
        <translation>删除所选账户（可撤销）</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Tier Settings…</source>
        <translation>层级设置(&amp;T)…</translation>
    </message>
    <message>
        <source>Choose the tier model and its ARR thresholds</source>
        <translation>选择层级模型及其 ARR 阈值</translation>
    </message>
    <message>
        <source>Product &amp;Catalogue…</source>
        <translation>产品目录(&amp;C)…</translation>
    </message>
    <message>
        <source>Modules and plans with their prices, for expansion</source>
        <translation>模块和套餐及其价格，用于扩展估算</translation>
    </message>
    <message>
        <source>Health &amp;Weights…</source>
        <translation>健康权重(&amp;W)…</translation>
    </message>
    <message>
        <source>How much each dimension counts in the health score</source>
        <translation>各维度在健康评分中所占的比重</translation>
    </message>
    <message>
        <source>&amp;Find Account</source>
        <translation>查找账户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back Up Now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>Write a verified copy of the portfolio</source>
        <translation>写入经过验证的组合副本</translation>
    </message>
    <message>
        <source>New &amp;Portfolio…</source>
        <translation>新建组合(&amp;P)…</translation>
    </message>
    <message>
        <source>Start an empty portfolio file</source>
        <translation>新建一个空的组合文件</translation>
    </message>
    <message>
        <source>&amp;Open Portfolio…</source>
        <translation>打开组合(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Accounts, contacts or metric history from CSV or XLSX</source>
        <translation>从 CSV 或 XLSX 导入账户、联系人或指标历史</translation>
    </message>
    <message>
        <source>Prep&amp;are QBR Data…</source>
        <translation>准备 QBR 数据(&amp;A)…</translation>
    </message>
    <message>
        <source>Several exports at once: what each holds and what the deck still lacks</source>
        <translation>一次导入多个导出文件：各自包含什么，演示文稿还缺什么</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>The account list and the account page</source>
        <translation>账户列表和账户页面</translation>
    </message>
    <message>
        <source>&amp;Portfolio Overview</source>
        <translation>组合概览(&amp;P)</translation>
    </message>
    <message>
        <source>Health, trend, renewal and expansion of every account</source>
        <translation>每个账户的健康评分、趋势、续约和扩展</translation>
    </message>
    <message>
        <source>Account &amp;Health</source>
        <translation>账户健康(&amp;H)</translation>
    </message>
    <message>
        <source>Health, benchmark, expansion and risks of the account</source>
        <translation>账户的健康评分、基准对比、扩展和风险</translation>
    </message>
    <message>
        <source>&amp;Upcoming QBRs</source>
        <translation>即将进行的 QBR(&amp;U)</translation>
    </message>
    <message>
        <source>Reviews in the coming weeks, their preparation and review cadence</source>
        <translation>未来几周的回顾、准备情况和回顾节奏</translation>
    </message>
    <message>
        <source>QBR P&amp;rogramme</source>
        <translation>QBR 项目(&amp;R)</translation>
    </message>
    <message>
        <source>Whether the QBRs work: every metric against its target, cadence, maturity</source>
        <translation>QBR 是否有效：每项指标与目标对比、节奏、成熟度</translation>
    </message>
    <message>
        <source>Prep &amp;Timeline</source>
        <translation>准备时间线(&amp;T)</translation>
    </message>
    <message>
        <source>The preparation plan of the account&apos;s next QBR</source>
        <translation>账户下次 QBR 的准备计划</translation>
    </message>
    <message>
        <source>&amp;Stakeholder Map</source>
        <translation>利益相关方地图(&amp;S)</translation>
    </message>
    <message>
        <source>The account&apos;s people, their influence and sentiment, and coverage gaps</source>
        <translation>账户的相关人员、其影响力和态度，以及覆盖缺口</translation>
    </message>
    <message>
        <source>&amp;Meeting</source>
        <translation>会议(&amp;M)</translation>
    </message>
    <message>
        <source>The next QBR&apos;s agenda, its timer and presenter view, and the follow-up</source>
        <translation>下次 QBR 的议程、计时器和演示者视图，以及跟进</translation>
    </message>
    <message>
        <source>&amp;Deck</source>
        <translation>演示文稿(&amp;D)</translation>
    </message>
    <message>
        <source>The QBR deck, its brief and handout, and sharing them by email</source>
        <translation>QBR 演示文稿、简报和讲义，以及通过邮件分享</translation>
    </message>
    <message>
        <source>Ho&amp;lidays…</source>
        <translation>节假日(&amp;L)…</translation>
    </message>
    <message>
        <source>Days off that preparation plans skip like weekends</source>
        <translation>准备计划像周末一样跳过的休息日</translation>
    </message>
    <message>
        <source>Lan&amp;guage…</source>
        <translation>语言(&amp;G)…</translation>
    </message>
    <message>
        <source>The window&apos;s language, from the next start</source>
        <translation>界面语言，下次启动时生效</translation>
    </message>
    <message>
        <source>Ne&amp;xt Tab</source>
        <translation>下一个标签页(&amp;X)</translation>
    </message>
    <message>
        <source>The account&apos;s next tab</source>
        <translation>账户的下一个标签页</translation>
    </message>
    <message>
        <source>Pre&amp;vious Tab</source>
        <translation>上一个标签页(&amp;V)</translation>
    </message>
    <message>
        <source>The account&apos;s previous tab</source>
        <translation>账户的上一个标签页</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation>入门指南(&amp;G)</translation>
    </message>
    <message>
        <source>A short guide to preparing and running a QBR with this app</source>
        <translation>关于使用本应用准备和主持 QBR 的简短指南</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every key the window knows</source>
        <translation>窗口支持的所有按键</translation>
    </message>
    <message>
        <source>&amp;About {app_name}</source>
        <translation>关于 {app_name}(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
</context>
<context>
    <name>window_pages</name>
    <message>
        <source>&amp;Health &amp;&amp; growth</source>
        <translation>健康与增长(&amp;H)</translation>
    </message>
    <message>
        <source>Prep &amp;timeline</source>
        <translation>准备时间线(&amp;T)</translation>
    </message>
    <message>
        <source>ROI &amp;&amp; va&amp;lue</source>
        <translation>ROI 与价值(&amp;L)</translation>
    </message>
    <message>
        <source>Stake&amp;holders</source>
        <translation>利益相关方(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Meeting</source>
        <translation>会议(&amp;M)</translation>
    </message>
    <message>
        <source>Dec&amp;k</source>
        <translation>演示文稿(&amp;K)</translation>
    </message>
</context>
<context>
    <name>worker</name>
    <message>
        <source> The details are in {where}.</source>
        <translation> 详细信息见 {where}。</translation>
    </message>
    <message>
        <source>Something went wrong while {what}; nothing was changed.{details}</source>
        <translation>在{what}时出错；未做任何更改。{details}</translation>
    </message>
</context>
</TS>
