<#ftl output_format="plainText">
<#import "fintech-notice.ftl" as fintech>
<@fintech.notice body="fintechPinSetBody"/>
