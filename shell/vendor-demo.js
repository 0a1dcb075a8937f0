// The demo vendor page listens to the portal's events, as a vendor's analytics would.
document.getElementById('support').addEventListener('aftercare:ticket-created', function (event) {
  document.getElementById('vendor-log').textContent = '已提交服务单：' + event.detail.serviceNumber;
});
