from django.urls import path

from cairn.accountability.views import buddies, feeds, reviews, shared, unsubscribe

urlpatterns = [
    path("buddies/", buddies.index, name="buddies"),
    path("buddies/invite/", buddies.invite, name="invite"),
    path("buddies/code/", buddies.enter_code, name="invitation_code"),
    path("invitations/<str:token>/", buddies.invitation, name="invitation"),
    path("invitations/<int:invitation_id>/withdraw/", buddies.withdraw, name="invitation_withdraw"),
    path("pacts/<int:pact_id>/", buddies.pact, name="pact"),
    path("pacts/<int:pact_id>/agree/", buddies.agree, name="pact_agree"),
    path("pacts/<int:pact_id>/end/", buddies.end, name="pact_end"),
    path("circle/", buddies.circle, name="circle"),
    path("circle/members/<int:membership_id>/remove/", buddies.remove_member, name="circle_remove"),
    path("goals/<int:goal_id>/sharing/", shared.sharing, name="goal_sharing"),
    path("shared/", shared.index, name="shared"),
    path("shared/<int:goal_id>/", shared.goal, name="shared_goal"),
    path("shared/<int:goal_id>/comment/", shared.comment, name="shared_comment"),
    path("shared/<int:goal_id>/check-ins/<int:check_in_id>/react/", shared.react, name="react"),
    path("notices/", shared.notices, name="notices"),
    path("calendar/", feeds.settings_page, name="calendar"),
    path("calendar/regenerate/", feeds.regenerate, name="calendar_regenerate"),
    path("calendar/revoke/", feeds.revoke, name="calendar_revoke"),
    path("feeds/<str:token>.ics", feeds.personal_feed, name="feed"),
    path("feeds/pact/<str:token>.ics", feeds.pact_feed, name="pact_feed"),
    path("unsubscribe/<str:token>/<str:kind>/", unsubscribe.unsubscribe, name="unsubscribe"),
    path("pacts/<int:pact_id>/reviews/schedule/", reviews.schedule, name="review_schedule"),
    path("reviews/solo/", reviews.solo, name="review_solo"),
    path("reviews/<int:review_id>/", reviews.review_page, name="review"),
    path("reviews/<int:review_id>/finish/", reviews.finish, name="review_finish"),
]
