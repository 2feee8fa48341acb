<#import "fintech-notice.ftl" as fintech>
<@fintech.notice body="fintechPinChangedBody"/>
